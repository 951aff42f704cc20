import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { OutboundEvent } from '../events/outbound-event';

/**
 * An event as an SQS message shaped like EventBridge's delivery (`detail-type`, `source`, `id`,
 * `time`, `detail`), typed again in the `eventType` attribute for consumers that filter on it.
 */
export function eventMessage(queueUrl: string, event: OutboundEvent): SendMessageCommandInput {
  return {
    QueueUrl: queueUrl,
    MessageBody: JSON.stringify({
      'detail-type': event.type,
      source: event.source,
      id: event.id,
      time: event.time,
      detail: event.detail,
    }),
    MessageAttributes: { eventType: { DataType: 'String', StringValue: event.type } },
  };
}
