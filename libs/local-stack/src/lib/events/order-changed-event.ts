import { randomUUID } from 'node:crypto';
import {
  decimalAmount,
  eventBridgeEnvelope,
  type EventBridgeEnvelope,
} from './eventbridge-envelope';

export interface OrderChangeInput {
  tenantId: string;
  orderId: string;
  /** The producer's id for this event; a new one unless a duplicate delivery is wanted. */
  eventId?: string;
}

export interface OrderRefundedInput extends OrderChangeInput {
  /** Decimal amount refunded, e.g. "50.00"; absent for a full refund. */
  amount?: string;
  /** Identifies a partial refund; the processor falls back on the eventId. */
  refundId?: string;
}

interface OrderChangeDetail {
  tenantId: string;
  eventId: string;
  orderId: string;
}

export type OrderRefundedEnvelope = EventBridgeEnvelope<
  'order.refunded',
  OrderChangeDetail & { amount?: number; refundId?: string }
>;
export type OrderCancelledEnvelope = EventBridgeEnvelope<
  'order.cancelled',
  OrderChangeDetail
>;

/** An `order.refunded` event: partial with an amount, full without. */
export function buildOrderRefundedEvent(
  input: OrderRefundedInput,
  now: Date = new Date(),
): OrderRefundedEnvelope {
  return eventBridgeEnvelope(
    'order.refunded',
    {
      ...changeDetail(input),
      ...(input.amount !== undefined && {
        amount: decimalAmount(input.amount),
      }),
      ...(input.refundId !== undefined && { refundId: input.refundId }),
    },
    now,
  );
}

/** An `order.cancelled` event. */
export function buildOrderCancelledEvent(
  input: OrderChangeInput,
  now: Date = new Date(),
): OrderCancelledEnvelope {
  return eventBridgeEnvelope('order.cancelled', changeDetail(input), now);
}

function changeDetail(input: OrderChangeInput): OrderChangeDetail {
  return {
    tenantId: input.tenantId,
    eventId: input.eventId ?? randomUUID(),
    orderId: input.orderId,
  };
}
