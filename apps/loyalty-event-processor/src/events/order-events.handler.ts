import { Logger } from '@aws-lambda-powertools/logger';
import { ChangeOrder, CompleteOrder, DomainError, OrderChange, OrderPosting, Resolution, ResolveCustomer, Result } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import type { ReceivedEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { OrderRefundedDetail } from './order-changed.detail';
import { OrderCompletedDetail } from './order-completed.detail';
import { OrderEventDetail } from './order-event.detail';
import { OrderNotYetKnownError } from './order-not-yet-known-error';
import { TierAnnouncer } from './tier-announcer';
import { validateDetail } from './validate-detail';

/** `order.completed` (for a platform user id or a provider's customer), `order.refunded`, `order.cancelled`. */
@Injectable()
export class OrderEventsHandler implements EventFamilyHandler {
  readonly types = ['order.completed', 'order.refunded', 'order.cancelled'];

  constructor(
    private readonly resolveCustomer: ResolveCustomer,
    private readonly completeOrder: CompleteOrder,
    private readonly changeOrder: ChangeOrder,
    private readonly tiers: TierAnnouncer,
    private readonly logger: Logger,
  ) {}

  async handle(event: ReceivedEvent): Promise<void> {
    switch (event.type) {
      case 'order.completed':
        return this.completed(await validateDetail(OrderCompletedDetail, event.detail));
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
    }
  }

  /**
   * The customer is resolved first: a provider's customer the program cannot resolve (unknown, and
   * not to be created) is refused, so the order waits in the dead-letter queue until they sign up.
   */
  private async completed(detail: OrderCompletedDetail): Promise<void> {
    const { customer, ...order } = detail;
    const resolved = await this.resolveCustomer.execute({ tenantId: detail.tenantId, userId: detail.userId, customer });
    if (!resolved.ok) throw EventRejectedError.from(resolved.error);
    const { userId, resolution } = resolved.value;
    return this.report('Order completed', detail, await this.completeOrder.execute({ ...order, userId }), resolution);
  }

  /**
   * Logs what an order event did. Refused events are final (the DLQ keeps them), except a change
   * to an order not seen yet: delivery is unordered, so its completion may still arrive.
   */
  private async report(
    what: string,
    detail: { tenantId: string; eventId?: string },
    outcome: Result<OrderPosting, DomainError>,
    resolution?: Resolution,
  ): Promise<void> {
    if (!outcome.ok) {
      if (outcome.error.code === 'NOT_FOUND') throw new OrderNotYetKnownError(outcome.error.message, { cause: outcome.error });
      throw EventRejectedError.from(outcome.error);
    }
    const { order, entry, duplicate, related = [] } = outcome.value;
    // Also on a repeat: the first delivery may have stopped before announcing.
    await this.tiers.announce([...(entry ? [entry] : []), ...related]);
    this.logger.info(duplicate ? `${what} (already applied)` : what, {
      tenantId: detail.tenantId,
      eventId: detail.eventId,
      orderId: order.orderId,
      userId: order.userId,
      ...(resolution && { customerResolution: resolution }),
      status: order.status,
      points: entry?.points ?? 0,
      duplicate,
    });
  }
}
