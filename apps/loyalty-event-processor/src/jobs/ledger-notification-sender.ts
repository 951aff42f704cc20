import { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { LedgerNotification, LedgerNotificationPublisher } from '@loyalty/domain';

const SQS_BATCH_LIMIT = 10;

/**
 * Sends the ledger's notifications (`points.expiring_soon`, `tier.changed`), EventBridge-shaped, to
 * the notifications queue, or only logs them when none is configured. Event ids are stable, so a
 * resend is recognisable. Logs carry ids and numbers only.
 */
export class LedgerNotificationSender implements LedgerNotificationPublisher {
  constructor(
    private readonly logger: Logger,
    private readonly sqs?: { client: SQSClient; queueUrl: string },
  ) {}

  async publish(notifications: readonly LedgerNotification[]): Promise<void> {
    for (const { type, eventId, tenantId, userId } of notifications) this.logger.info('Ledger notification', { type, eventId, tenantId, userId });
    if (!this.sqs) return;
    for (let start = 0; start < notifications.length; start += SQS_BATCH_LIMIT) {
      const batch = notifications.slice(start, start + SQS_BATCH_LIMIT);
      const { Failed = [] } = await this.sqs.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.sqs.queueUrl,
          Entries: batch.map((notification, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({
              'detail-type': notification.type,
              source: 'loyalty.ledger',
              id: notification.eventId,
              time: new Date().toISOString(),
              detail: notification,
            }),
            MessageAttributes: { eventType: { DataType: 'String', StringValue: notification.type } },
          })),
        }),
      );
      if (Failed.length > 0) throw new Error(`${Failed.length} notifications were not accepted by the queue`);
    }
  }
}
