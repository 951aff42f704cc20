import { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ExpiringSoonNotice, ExpiryNoticePublisher } from '@loyalty/domain';

const SQS_BATCH_LIMIT = 10;

/**
 * Sends `points.expiring_soon` events, EventBridge-shaped, to the notifications queue (or only logs
 * them when none is configured). The event id is stable per lot, so a resend is recognisable.
 */
export class ExpiryNoticeSender implements ExpiryNoticePublisher {
  constructor(
    private readonly logger: Logger,
    private readonly sqs?: { client: SQSClient; queueUrl: string },
  ) {}

  async publish(notices: readonly ExpiringSoonNotice[]): Promise<void> {
    for (const notice of notices) this.logger.info('Points expiring soon', { ...notice });
    if (!this.sqs) return;
    for (let start = 0; start < notices.length; start += SQS_BATCH_LIMIT) {
      const batch = notices.slice(start, start + SQS_BATCH_LIMIT);
      const { Failed = [] } = await this.sqs.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.sqs.queueUrl,
          Entries: batch.map((notice, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({
              'detail-type': 'points.expiring_soon',
              source: 'loyalty.ledger',
              id: notice.eventId,
              time: new Date().toISOString(),
              detail: notice,
            }),
            MessageAttributes: { eventType: { DataType: 'String', StringValue: 'points.expiring_soon' } },
          })),
        }),
      );
      if (Failed.length > 0) throw new Error(`${Failed.length} expiry notices were not accepted by the queue`);
    }
  }
}
