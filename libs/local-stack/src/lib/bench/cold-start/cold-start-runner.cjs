'use strict';
// Run by the cold start scenario in a NEW node process, the way Lambda starts a function: requires
// a bundle, invokes its `handler` once with the event given, prints the timings (milliseconds since
// this process started, by its own clock) after a marker line, and exits.
//   node cold-start-runner.cjs <bundle> <event JSON>
const { performance } = require('node:perf_hooks');

const MARK = '__COLD_START_RESULT__';
const [bundle, eventJson] = process.argv.slice(2);
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench-cold-start',
  functionVersion: '$LATEST',
  invokedFunctionArn:
    'arn:aws:lambda:us-east-1:000000000000:function:bench-cold-start',
  memoryLimitInMB: '1024',
  awsRequestId: `cold-start-${process.pid}`,
  logGroupName: '/aws/lambda/bench-cold-start',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 30000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const requireStartMs = performance.now();
const { handler } = require(bundle);
const loadedMs = performance.now();
Promise.resolve(handler(JSON.parse(eventJson), context, () => undefined)).then(
  (response) => {
    const firstResponseMs = performance.now();
    const result = { requireStartMs, loadedMs, firstResponseMs, response };
    process.stdout.write(`\n${MARK}${JSON.stringify(result)}\n`, () =>
      process.exit(0),
    );
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
