import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { waitUntil } from '../../lib/net/wait-until';
import {
  ensureEventsQueues,
  type EventsQueues,
} from '../../lib/sqs/events-queues';

/** SQS's limit on the entries of one SendMessageBatch. */
const SEND_BATCH_SIZE = 10;

/**
 * An events queue and dead-letter queue of a test's own, wired like the deployed ones (redrive
 * after 5 receives) but with a short visibility timeout, so that retries come within seconds.
 */
export function createScenarioQueues(
  sqs: SQSClient,
  visibilityTimeoutSeconds: number,
): Promise<EventsQueues> {
  const suffix = randomUUID();
  return ensureEventsQueues(sqs, {
    queueName: `events-${suffix}`,
    deadLetterQueueName: `events-${suffix}-dlq`,
    notificationsQueueName: `notifications-${suffix}`,
    visibilityTimeoutSeconds,
  });
}

/** Sends the bodies in this order, ten per SendMessageBatch, `concurrency` batches at a time. */
export async function sendBodies(
  sqs: SQSClient,
  queueUrl: string,
  bodies: readonly string[],
  { concurrency = 1 }: { concurrency?: number } = {},
): Promise<void> {
  const batches: string[][] = [];
  for (let start = 0; start < bodies.length; start += SEND_BATCH_SIZE) {
    batches.push(bodies.slice(start, start + SEND_BATCH_SIZE));
  }
  let next = 0;
  const sender = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as string[];
      const { Failed = [] } = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((body, index) => ({
            Id: String(index),
            MessageBody: body,
          })),
        }),
      );
      if (Failed.length > 0) {
        throw new Error(
          `SendMessageBatch refused ${Failed.length} messages: ${Failed[0]?.Message}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
}

export interface QueueCounts {
  /** ApproximateNumberOfMessages (local-aws-sqs counts the in-flight ones here too). */
  visible: number;
  inFlight: number;
}

export async function queueCounts(
  sqs: SQSClient,
  queueUrl: string,
): Promise<QueueCounts> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ],
    }),
  );
  return {
    visible: Number(Attributes['ApproximateNumberOfMessages']),
    inFlight: Number(Attributes['ApproximateNumberOfMessagesNotVisible']),
  };
}

/** Resolves once the queue holds no message, visible or in flight. */
export function waitUntilDrained(
  sqs: SQSClient,
  queueUrl: string,
  timeoutMs: number,
): Promise<void> {
  return waitUntil(
    async () => {
      const { visible, inFlight } = await queueCounts(sqs, queueUrl);
      return visible === 0 && inFlight === 0;
    },
    { description: `${queueUrl} to drain`, timeoutMs, intervalMs: 200 },
  );
}

/**
 * Takes every message on the queue (a dead-letter queue, to see what landed there) and keeps them
 * invisible long enough not to be taken twice.
 */
export async function receiveAllMessages(
  sqs: SQSClient,
  queueUrl: string,
): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 300,
        MessageSystemAttributeNames: ['All'],
        AttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) {
      return messages;
    }
    messages.push(...Messages);
  }
}
