import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  EVENTS_MAX_RECEIVE_COUNT,
  LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME,
  LOCAL_EVENTS_QUEUE_NAME,
} from '../config/naming';

export interface EventsQueuesOptions {
  visibilityTimeoutSeconds: number;
  /** Defaults to the local naming contract; tests pass their own names to stay independent. */
  queueName?: string;
  deadLetterQueueName?: string;
  maxReceiveCount?: number;
}

export interface EventsQueues {
  eventsQueueUrl: string;
  eventsQueueArn: string;
  deadLetterQueueUrl: string;
  deadLetterQueueArn: string;
}

/** SQS's longest retention, so that nothing in the dead-letter queue expires while it is studied. */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/**
 * Creates the events queue and its dead-letter queue, wired with a redrive policy like the
 * deployed ones. CreateQueue returns the existing queue when the attributes match, so a second
 * call is harmless.
 */
export async function createEventsQueues(
  sqs: SQSClient,
  {
    visibilityTimeoutSeconds,
    queueName = LOCAL_EVENTS_QUEUE_NAME,
    deadLetterQueueName = LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME,
    maxReceiveCount = EVENTS_MAX_RECEIVE_COUNT,
  }: EventsQueuesOptions,
): Promise<EventsQueues> {
  const deadLetterQueueUrl = await createQueue(sqs, deadLetterQueueName, {
    MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS),
  });
  const deadLetterQueueArn = await queueArn(sqs, deadLetterQueueUrl);
  const eventsQueueUrl = await createQueue(sqs, queueName, {
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
  };
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
