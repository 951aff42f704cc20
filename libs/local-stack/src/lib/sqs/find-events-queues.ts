import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME,
  LOCAL_EVENTS_QUEUE_NAME,
  LOCAL_NOTIFICATIONS_QUEUE_NAME,
} from '../config/naming';

export interface EventsQueueUrls {
  eventsQueueUrl: string;
  deadLetterQueueUrl: string;
  notificationsQueueUrl: string;
}

/** The URLs of the local events queues on an SQS server that already has them. */
export async function findEventsQueues(
  sqs: SQSClient,
): Promise<EventsQueueUrls> {
  const urlOf = async (queueName: string) => {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: queueName }),
    );
    if (!QueueUrl) {
      throw new Error(`GetQueueUrl returned no URL for ${queueName}`);
    }
    return QueueUrl;
  };
  return {
    eventsQueueUrl: await urlOf(LOCAL_EVENTS_QUEUE_NAME),
    deadLetterQueueUrl: await urlOf(LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME),
    notificationsQueueUrl: await urlOf(LOCAL_NOTIFICATIONS_QUEUE_NAME),
  };
}
