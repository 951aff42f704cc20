/**
 * `consume-queue --handler <file> [--export handler] --queue-url <url> [--batch-size 10]
 * [--wait-time-seconds 1]`: runs a Lambda handler in this process on the messages of an SQS queue,
 * as Lambda's event source mapping does (batches, partial batch failures, the visibility timeout
 * and the redrive policy do the rest). For tests that need the processor in a process of its own,
 * e.g. to kill it in the middle of a batch. A Nest handler needs the decorator metadata that only
 * the TypeScript compiler emits: start it with startScriptUntilReady's `tsNodeProject`.
 * The SQS client reads the usual AWS variables (AWS_ENDPOINT_URL_SQS for a local server).
 * Option --exit-with-parent is for programs that start it (tests): see lib/config/script-contract.ts.
 */
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EXIT_WITH_PARENT_FLAG,
  QUEUE_CONSUMER_READY_LINE,
} from '../lib/config/script-contract';
import {
  inProcessFunction,
  type LambdaHandler,
} from '../lib/event-source/in-process-function';
import { startSqsEventSource } from '../lib/event-source/sqs-event-source';
import { createShutdown } from '../lib/process/shutdown';

const shutdown = createShutdown();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      handler: { type: 'string' },
      export: { type: 'string', default: 'handler' },
      'queue-url': { type: 'string' },
      'batch-size': { type: 'string', default: '10' },
      'wait-time-seconds': { type: 'string', default: '1' },
      [EXIT_WITH_PARENT_FLAG]: { type: 'boolean', default: false },
    },
  });
  if (values[EXIT_WITH_PARENT_FLAG]) {
    shutdown.exitWhenStdinCloses();
  }
  const handlerFile = values.handler;
  const queueUrl = values['queue-url'];
  if (!handlerFile || !queueUrl) {
    throw new Error('--handler <file> and --queue-url <url> are required');
  }
  const handler = await loadHandler(resolve(handlerFile), values.export);
  const sqs = new SQSClient({});
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  const queueArn = Attributes?.QueueArn;
  if (!queueArn) {
    throw new Error(`GetQueueAttributes returned no QueueArn for ${queueUrl}`);
  }
  const eventSource = startSqsEventSource({
    sqs,
    queueUrl,
    queueArn,
    target: inProcessFunction(values.export, handler),
    batchSize: Number(values['batch-size']),
    waitTimeSeconds: Number(values['wait-time-seconds']),
  });
  shutdown.add('the SQS event source', eventSource.stop);
  console.log(QUEUE_CONSUMER_READY_LINE);
}

async function loadHandler(
  file: string,
  exportName: string,
): Promise<LambdaHandler<SQSEvent, unknown>> {
  const module = (await import(file)) as Record<string, unknown>;
  const handler = module[exportName];
  if (typeof handler !== 'function') {
    throw new Error(`${file} exports no function named ${exportName}`);
  }
  return handler as LambdaHandler<SQSEvent, unknown>;
}

main().catch(async (error: Error) => {
  console.error(`\nThe queue consumer could not start: ${error.message}`);
  await shutdown.exit(1);
});
