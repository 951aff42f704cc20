import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  EVENTS_MAX_RECEIVE_COUNT,
  LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME,
  LOCAL_EVENTS_QUEUE_NAME,
  LOCAL_NOTIFICATIONS_QUEUE_NAME,
} from '../config/naming';

export interface EventsQueuesOptions {
  visibilityTimeoutSeconds: number;
  /** Defaults to the local naming contract; tests pass their own names to stay independent. */
  queueName?: string;
  deadLetterQueueName?: string;
  notificationsQueueName?: string;
  maxReceiveCount?: number;
}

export interface EventsQueues {
  eventsQueueUrl: string;
  eventsQueueArn: string;
  deadLetterQueueUrl: string;
  deadLetterQueueArn: string;
  notificationsQueueUrl: string;
}

/** SQS's longest retention: nothing in the dead-letter or notifications queue expires unseen. */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/**
 * Makes sure the events queue and its dead-letter queue (and the notifications queue) exist, wired with a redrive policy like
 * the deployed ones: creates a missing queue, and brings an existing one (a server started
 * beforehand, e.g. ElasticMQ with its own config) in line with these attributes. Idempotent.
 */
export async function ensureEventsQueues(
  sqs: SQSClient,
  {
    visibilityTimeoutSeconds,
    queueName = LOCAL_EVENTS_QUEUE_NAME,
    deadLetterQueueName = LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME,
    notificationsQueueName = LOCAL_NOTIFICATIONS_QUEUE_NAME,
    maxReceiveCount = EVENTS_MAX_RECEIVE_COUNT,
  }: EventsQueuesOptions,
): Promise<EventsQueues> {
  const deadLetterQueueUrl = await ensureQueue(sqs, deadLetterQueueName, {
    MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS),
  });
  const deadLetterQueueArn = await queueArn(sqs, deadLetterQueueUrl);
  const eventsQueueUrl = await ensureQueue(sqs, queueName, {
    VisibilityTimeout: String(visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: deadLetterQueueArn,
      maxReceiveCount,
    }),
  });
  return {
    eventsQueueUrl,
    eventsQueueArn: await queueArn(sqs, eventsQueueUrl),
    deadLetterQueueUrl,
    deadLetterQueueArn,
    notificationsQueueUrl: await ensureQueue(sqs, notificationsQueueName, {
      MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS),
    }),
  };
}

/**
 * An existing queue gets its attributes set rather than passed to CreateQueue again: SQS and
 * local-aws-sqs refuse CreateQueue when an attribute differs (QueueNameExists), and older ElasticMQ
 * versions return the queue with a differing redrive policy left as it was.
 */
async function ensureQueue(
  sqs: SQSClient,
  queueName: string,
  attributes: Record<string, string>,
): Promise<string> {
  const existingQueueUrl = await findQueueUrl(sqs, queueName);
  if (existingQueueUrl === undefined) {
    return createQueue(sqs, queueName, attributes);
  }
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: existingQueueUrl,
      Attributes: attributes,
    }),
  );
  return existingQueueUrl;
}

async function findQueueUrl(
  sqs: SQSClient,
  queueName: string,
): Promise<string | undefined> {
  try {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: queueName }),
    );
    return QueueUrl;
  } catch (error) {
    if (error instanceof QueueDoesNotExist) {
      return undefined;
    }
    throw error;
  }
}

async function createQueue(
  sqs: SQSClient,
  queueName: string,
  attributes: Record<string, string>,
): Promise<string> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }),
  );
  if (!QueueUrl) {
    throw new Error(`CreateQueue returned no URL for ${queueName}`);
  }
  return QueueUrl;
}

async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  const arn = Attributes?.QueueArn;
  if (!arn) {
    throw new Error(`GetQueueAttributes returned no QueueArn for ${queueUrl}`);
  }
  return arn;
}
