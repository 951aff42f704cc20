import { randomUUID } from 'node:crypto';
import {
  decimalAmount,
  eventBridgeEnvelope,
  type EventBridgeEnvelope,
} from './eventbridge-envelope';

export interface OrderCompletedInput {
  tenantId: string;
  userId: string;
  orderId: string;
  /** Decimal amount as typed, e.g. "150.00". */
  amount: string;
  currency: string;
  /** The producer's id for this event; a new one unless a duplicate delivery is wanted. */
  eventId?: string;
  channel?: string;
}

export type OrderCompletedEnvelope = EventBridgeEnvelope<
  'order.completed',
  {
    tenantId: string;
    eventId: string;
    orderId: string;
    userId: string;
    amount: number;
    currency: string;
    items: Array<{
      sku: string;
      category: string;
      price: number;
      quantity: number;
    }>;
    channel: string;
  }
>;

/**
 * An `order.completed` event as the e-commerce platform publishes it through EventBridge, with
 * the whole amount on a single line item.
 */
export function buildOrderCompletedEvent(
  input: OrderCompletedInput,
  now: Date = new Date(),
): OrderCompletedEnvelope {
  const amount = decimalAmount(input.amount);
  return eventBridgeEnvelope(
    'order.completed',
    {
      tenantId: input.tenantId,
      eventId: input.eventId ?? randomUUID(),
      orderId: input.orderId,
      userId: input.userId,
      amount,
      currency: input.currency,
      items: [
        { sku: 'SKU-DEMO-1', category: 'general', price: amount, quantity: 1 },
      ],
      channel: input.channel ?? 'online',
    },
    now,
  );
}
