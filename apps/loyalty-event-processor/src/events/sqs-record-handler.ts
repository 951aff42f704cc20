import { Logger } from '@aws-lambda-powertools/logger';
import { CreditOrderPoints, DomainError } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import type { SQSRecord } from 'aws-lambda';
import { readEvent } from './event-envelope';
import { EventRejectedError } from './event-rejected-error';
import { OrderCompletedDetail } from './order-completed.detail';
import { validateDetail } from './validate-detail';

/** Handles one SQS record; throwing marks it as a batch item failure. */
@Injectable()
export class SqsRecordHandler {
  constructor(
    private readonly creditOrderPoints: CreditOrderPoints,
    private readonly logger: Logger,
  ) {}

  async handle(record: SQSRecord): Promise<void> {
    try {
      await this.dispatch(record);
    } catch (error) {
      this.logFailure(record, error);
      throw error;
    }
  }

  private async dispatch(record: SQSRecord): Promise<void> {
    const event = readEvent(record.body, record.messageAttributes['eventType']?.stringValue);
    switch (event.type) {
      case 'order.completed':
        return this.orderCompleted(await validateDetail(OrderCompletedDetail, event.detail));
      default:
        throw new EventRejectedError(`Unsupported event type "${event.type}"`);
    }
  }

  private async orderCompleted(detail: OrderCompletedDetail): Promise<void> {
    const credited = await this.creditOrderPoints.execute(detail);
    if (!credited.ok) {
      throw new EventRejectedError(credited.error.message, credited.error.details, {
        cause: credited.error,
      });
    }
    const { orderId, userId, points, duplicate } = credited.value;
    this.logger.info(duplicate ? 'Order already credited' : 'Order credited', {
      tenantId: detail.tenantId,
      eventId: detail.eventId,
      orderId,
      userId,
      points,
      duplicate,
    });
  }

  /** Rejections are final (the DLQ will hold them); anything else is transient and retried. */
  private logFailure(record: SQSRecord, error: unknown): void {
    const context = {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount),
    };
    if (error instanceof EventRejectedError) {
      this.logger.error('Event rejected; it goes to the dead-letter queue after the redrive limit', {
        ...context,
        reason: error.reason,
        details: error.details,
      });
    } else {
      const retryable = !(error instanceof DomainError) || error.retryable;
      this.logger.warn('Event failed; it will be retried', { ...context, retryable, error });
    }
  }
}
