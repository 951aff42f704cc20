#!/usr/bin/env node
// Cold start of the API Lambda bundle, measured locally: a NEW node process loads the bundle and
// invokes `handler` in-process with an API Gateway HTTP API (payload v2) event; the time from
// spawning the process to the first response is compared with a bare handler
// (`exports.handler = async () => ({ statusCode: 200 })`) measured the same way, interleaved in the
// same run, so the difference is what the bundle itself costs (node's own start-up cancels out).
//
//   node apps/loyalty-api/scripts/cold-start.mjs [options]
//     --bundle <file>        bundle to measure (default dist/apps/loyalty-api/main.js; build it first)
//     --handler <export>     the bundle's handler export (default handler; webhooksHandler for the
//                            webhooks function, e.g. --path /webhooks/none/demo --method POST --expect-status 404)
//     --runs <n>             measured runs per handler (default 10; one extra warm-up run each)
//     --path <path>          request path (default /health)    --method <verb> (default GET)
//     --expect-status <n>    fail unless every project response has this status (default 200)
//     --node-options <opts>  NODE_OPTIONS for the child processes, e.g. "--enable-source-maps"
//     --timeout <ms>         per-run limit (default 30000)
//     --json                 print one JSON document instead of the table
//
// Per run it records, from the child's own clock (performance.now() counts from process start):
// `loadMs` (bundle require() done) and `firstResponseMs` (handler resolved), plus `wallMs`: spawn to
// the result line, as seen by the parent. Medians are reported. The child gets the parent's
// environment plus harmless defaults (region, fake credentials, TABLE_NAME, EVENTS_QUEUE_URL, NOTIFICATIONS_QUEUE_URL, WEBHOOK_BUCKET, JWT_SECRET, PAGE_TOKEN_SECRET) so
// config validation passes; GET /health must not need DynamoDB or SQS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const MARK = '__COLD_START_RESULT__';

const { values: args } = parseArgs({
  options: {
    bundle: { type: 'string', default: 'dist/apps/loyalty-api/main.js' },
    handler: { type: 'string', default: 'handler' },
    runs: { type: 'string', default: '10' },
    path: { type: 'string', default: '/health' },
    method: { type: 'string', default: 'GET' },
    'expect-status': { type: 'string', default: '200' },
    'node-options': { type: 'string', default: '' },
    timeout: { type: 'string', default: '30000' },
    json: { type: 'boolean', default: false },
  },
});

const runs = Number(args.runs);
const timeoutMs = Number(args.timeout);
const expectStatus = Number(args['expect-status']);
const bundle = resolve(args.bundle);
if (!existsSync(bundle)) {
  console.error(`No bundle at ${bundle}. Build it first: npx nx build loyalty-api`);
  process.exit(2);
}

function httpApiEvent(method, path) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      host: 'api.example.com',
      'user-agent': 'cold-start-bench',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'cold-start-bench',
      },
      requestId: 'cold-start-bench',
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
const bare = join(dir, 'bare-handler.cjs');
const runner = join(dir, 'runner.cjs');
writeFileSync(bare, 'exports.handler = async () => ({ statusCode: 200 });\n');
writeFileSync(
  runner,
  `'use strict';
const { performance } = require('node:perf_hooks');
const [bundle, eventJson, exportName] = process.argv.slice(2);
const requireStart = performance.now();
const mod = require(bundle);
const loadMs = performance.now();
const context = {
  awsRequestId: 'cold-start-bench', functionName: 'cold-start-bench', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cold-start-bench',
  memoryLimitInMB: '1024', logGroupName: '/aws/lambda/cold-start-bench', logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000,
  done() {}, fail() {}, succeed() {},
};
Promise.resolve(mod[exportName](JSON.parse(eventJson), context, () => {})).then(
  (res) => {
    const firstResponseMs = performance.now();
    process.stdout.write('\\n${MARK}' + JSON.stringify({ requireStart, loadMs, firstResponseMs, statusCode: res && res.statusCode }) + '\\n', () => process.exit(0));
  },
  (err) => { console.error(err); process.exit(1); },
);
`,
);

const childEnv = {
  ...process.env,
  AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'bench',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'bench',
  TABLE_NAME: process.env.TABLE_NAME ?? 'loyalty-bench',
  EVENTS_QUEUE_URL:
    process.env.EVENTS_QUEUE_URL ?? 'http://127.0.0.1:9324/000000000000/loyalty-bench-events',
  NOTIFICATIONS_QUEUE_URL:
    process.env.NOTIFICATIONS_QUEUE_URL ?? 'http://127.0.0.1:9324/000000000000/loyalty-bench-notifications',
  WEBHOOK_BUCKET: process.env.WEBHOOK_BUCKET ?? 'loyalty-bench-webhooks',
  JWT_SECRET: process.env.JWT_SECRET ?? 'cold-start-measurement-secret-0123456789',
  PAGE_TOKEN_SECRET: process.env.PAGE_TOKEN_SECRET ?? 'cold-start-measurement-page-secret-0123456789',
  NODE_OPTIONS: args['node-options'],
};
const eventJson = JSON.stringify(httpApiEvent(args.method.toUpperCase(), args.path));

function once(target) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [runner, target, eventJson, target === bare ? 'handler' : args.handler], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let result;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms\n${err}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const at = out.indexOf(MARK);
      if (result === undefined && at >= 0 && out.indexOf('\n', at) > 0) {
        const wallMs = performance.now() - started;
        result = { ...JSON.parse(out.slice(at + MARK.length, out.indexOf('\n', at))), wallMs };
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (result && code === 0) resolvePromise(result);
      else reject(new Error(`${target} exited with ${code}\n${err}\n${out.slice(-2000)}`));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summarize = (samples) => {
  const pick = (k) => samples.map((s) => s[k]);
  return {
    runs: samples.length,
    wallMs: {
      median: median(pick('wallMs')),
      min: Math.min(...pick('wallMs')),
      max: Math.max(...pick('wallMs')),
    },
    loadMs: { median: median(pick('loadMs')) },
    firstResponseMs: { median: median(pick('firstResponseMs')) },
  };
};

try {
  const project = [];
  const baseline = [];
  await once(bundle); // warm-up: file system cache, not counted
  await once(bare);
  for (let i = 0; i < runs; i += 1) {
    project.push(await once(bundle));
    baseline.push(await once(bare));
  }
  const bad = project.find((r) => r.statusCode !== expectStatus);
  if (bad) throw new Error(`expected status ${expectStatus}, got ${bad.statusCode}`);
  const report = {
    bundle,
    handler: args.handler,
    path: args.path,
    nodeVersion: process.version,
    nodeOptions: args['node-options'],
    project: summarize(project),
    bare: summarize(baseline),
  };
  report.overheadMs = {
    wall: report.project.wallMs.median - report.bare.wallMs.median,
    firstResponse: report.project.firstResponseMs.median - report.bare.firstResponseMs.median,
  };
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const f = (n) => n.toFixed(1).padStart(8);
    console.log(
      `cold start, ${runs} runs each, node ${process.version}, NODE_OPTIONS="${args['node-options']}"`,
    );
    console.log(`bundle ${bundle} (${args.handler}), ${args.method} ${args.path}`);
    console.log(
      '                 wall median      min      max | in-process: loaded  1st response (ms since process start)',
    );
    for (const [name, s] of [
      ['project', report.project],
      ['bare handler', report.bare],
    ]) {
      console.log(
        `${name.padEnd(14)} ${f(s.wallMs.median)} ${f(s.wallMs.min)} ${f(s.wallMs.max)} | ${f(s.loadMs.median)} ${f(s.firstResponseMs.median)}`,
      );
    }
    console.log(
      `bundle overhead (median): ${report.overheadMs.wall.toFixed(1)} ms wall, ${report.overheadMs.firstResponse.toFixed(1)} ms to first response`,
    );
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
