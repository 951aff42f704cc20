import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  inProcessFunction,
  InvocationRecorder,
  startSqsEventSource,
  type EventsQueues,
  type SqsEventSource,
} from '@loyalty/local-stack';
import type { SQSEvent } from 'aws-lambda';
import type { ProcessorContainer } from './processor-container';

export interface ProcessorFleetOptions {
  sqs: SQSClient;
  queues: EventsQueues;
  /** One event source poller per container: Lambda's concurrency for this queue. */
  containers: readonly ProcessorContainer[];
  recorder: InvocationRecorder;
  /** Records per invocation (the deployed event source mapping takes 10). */
  batchSize?: number;
  /** Sees each batch before the container gets it. */
  beforeInvoke?: (container: ProcessorContainer, event: SQSEvent) => void;
}

export interface ProcessorFleet {
  /** What the event sources logged: batches settled, receives that failed. */
  readonly log: readonly string[];
  stop(): Promise<void>;
}

/**
 * The processor's containers fed by the SQS event source as Lambda's event source mapping feeds
 * them: each takes one batch at a time, failed records stay on the queue until the visibility
 * timeout brings them back, and the redrive policy moves them to the dead-letter queue.
 */
export function startProcessorFleet({
  sqs,
  queues,
  containers,
  recorder,
  batchSize = 10,
  beforeInvoke = () => undefined,
}: ProcessorFleetOptions): ProcessorFleet {
  const log: string[] = [];
  const eventSources: SqsEventSource[] = containers.map((container, index) =>
    startSqsEventSource({
      sqs,
      queueUrl: queues.eventsQueueUrl,
      queueArn: queues.eventsQueueArn,
      target: recorder.record(inProcessFunction(`processor-${index + 1}`, container.handler), (event) =>
        beforeInvoke(container, event),
      ),
      batchSize,
      waitTimeSeconds: 1,
      retryDelayMs: 100,
      log: (line) => log.push(line),
    }),
  );
  return {
    log,
    stop: async () => void (await Promise.all(eventSources.map((source) => source.stop()))),
  };
}
