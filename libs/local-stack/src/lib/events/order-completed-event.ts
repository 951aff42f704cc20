import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../config/naming';

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

export interface OrderCompletedEnvelope {
  version: '0';
  id: string;
  'detail-type': 'order.completed';
  source: 'ecommerce.platform';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
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
  };
}

const DECIMAL_AMOUNT = /^\d+(\.\d+)?$/;

/**
 * An `order.completed` event as the e-commerce platform publishes it through EventBridge, with
 * the whole amount on a single line item.
 */
export function buildOrderCompletedEvent(
  input: OrderCompletedInput,
  now: Date = new Date(),
): OrderCompletedEnvelope {
  if (!DECIMAL_AMOUNT.test(input.amount)) {
    throw new Error(
      `amount must be a decimal number such as 150.00, got "${input.amount}"`,
    );
  }
  // JSON carries the amount as a number, as the platform sends it; nothing is computed with it.
  const amount = Number(input.amount);
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'order.completed',
    source: 'ecommerce.platform',
    account: LOCAL_ACCOUNT_ID,
    time: now.toISOString(),
    region: LOCAL_REGION,
    resources: [],
    detail: {
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
  };
}
