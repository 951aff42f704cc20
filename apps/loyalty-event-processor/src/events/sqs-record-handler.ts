import { Logger } from '@aws-lambda-powertools/logger';
import {
  AwardSignupBonus,
  ChangeOrder,
  CompleteOrder,
  DomainError,
  EventLedgerNotificationPublisher,
  LedgerEntry,
  OrderChange,
  OrderPosting,
  Result,
  tierNotificationOf,
} from '@loyalty/domain';
import { UserCreatedDetail } from './user-created.detail';
import { Injectable } from '@nestjs/common';
import type { SQSRecord } from 'aws-lambda';
import { readEvent } from './event-envelope';
import { EventRejectedError } from './event-rejected-error';
import { OrderCompletedDetail } from './order-completed.detail';
import { OrderRefundedDetail } from './order-changed.detail';
import { OrderEventDetail } from './order-event.detail';
import { OrderNotYetKnownError } from './order-not-yet-known-error';
import { validateDetail } from './validate-detail';

/** Handles one SQS record; throwing marks it as a batch item failure. */
@Injectable()
export class SqsRecordHandler {
  constructor(
    private readonly completeOrder: CompleteOrder,
    private readonly changeOrder: ChangeOrder,
    private readonly awardSignupBonus: AwardSignupBonus,
    private readonly notifications: EventLedgerNotificationPublisher,
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
      case 'order.completed': {
        const detail = await validateDetail(OrderCompletedDetail, event.detail);
        return this.report('Order completed', detail, await this.completeOrder.execute(detail));
      }
      case 'order.refunded': {
        const detail = await validateDetail(OrderRefundedDetail, event.detail);
        const change: OrderChange =
          detail.items !== undefined
            ? { kind: 'refund_items', items: detail.items }
            : detail.amount !== undefined
              ? { kind: 'refund_amount', amount: detail.amount }
              : { kind: 'refund_all' };
        const refundId = detail.refundId ?? detail.eventId;
        return this.report('Order refunded', detail, await this.changeOrder.execute({ ...detail, change, refundId }));
      }
      case 'order.cancelled': {
        const detail = await validateDetail(OrderEventDetail, event.detail);
        return this.report('Order cancelled', detail, await this.changeOrder.execute({ ...detail, change: { kind: 'cancel' } }));
      }
      case 'user.created': {
        const detail = await validateDetail(UserCreatedDetail, event.detail);
        const awarded = await this.awardSignupBonus.execute(detail);
        if (!awarded.ok) throw new EventRejectedError(awarded.error.message, awarded.error.details, { cause: awarded.error });
        const { entry, duplicate } = awarded.value;
        await this.announceTierChanges(entry ? [entry] : []);
        this.logger.info('Signup bonus', { tenantId: detail.tenantId, eventId: detail.eventId, userId: detail.userId, points: entry?.points ?? 0, duplicate });
        return;
      }
      default:
        throw new EventRejectedError(`Unsupported event type "${event.type}"`);
    }
  }

  /**
   * Logs what an order event did. Refused events are final (the DLQ keeps them), except a change
   * to an order not seen yet: delivery is unordered, so its completion may still arrive.
   */
  private async report(what: string, detail: { tenantId: string; eventId?: string }, outcome: Result<OrderPosting, DomainError>) {
    if (!outcome.ok) {
      if (outcome.error.code === 'NOT_FOUND') throw new OrderNotYetKnownError(outcome.error.message, { cause: outcome.error });
      throw new EventRejectedError(outcome.error.message, outcome.error.details, { cause: outcome.error });
    }
    const { order, entry, duplicate, related = [] } = outcome.value;
    // Also on a repeat: the first delivery may have stopped before announcing.
    await this.announceTierChanges([...(entry ? [entry] : []), ...related]);
    this.logger.info(duplicate ? `${what} (already applied)` : what, {
      tenantId: detail.tenantId,
      eventId: detail.eventId,
      orderId: order.orderId,
      userId: order.userId,
      status: order.status,
      points: entry?.points ?? 0,
      duplicate,
    });
  }

  private async announceTierChanges(entries: readonly LedgerEntry[]): Promise<void> {
    const notifications = entries.flatMap(tierNotificationOf);
    if (notifications.length > 0) await this.notifications.publish(notifications);
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
