import { ValidationError } from '../shared/validation-error';
import { err, ok, Result } from '../shared/result';
import { OrderItem, OrderRecord, OrderStatus } from './order-record';

/** The order after a refund and the points it takes back (never beyond what the order earned). */
export interface RefundOutcome {
  readonly refundMinor: number;
  readonly refundedMinor: number;
  readonly refundedItems: Readonly<Record<string, number>>;
  readonly pointsToReverse: number;
  readonly status: OrderStatus;
}

export type RefundRequest =
  | { readonly kind: 'amount'; readonly minor: number }
  | { readonly kind: 'items'; readonly items: readonly { readonly id: string; readonly quantity: number }[] }
  | { readonly kind: 'all' }
  | { readonly kind: 'cancel' };

/**
 * Refunds reverse points in proportion to the money refunded, counted cumulatively:
 * reversed so far = floor(earned × refunded so far / amount). Rounding down leaves the customer the
 * fraction until the last refund, and the sum over any number of partial refunds is exactly what
 * the order earned once it is fully refunded, never more. Over-refunds are capped at the order amount.
 */
export function planRefund(order: OrderRecord, request: RefundRequest): Result<RefundOutcome, ValidationError> {
  const left = order.amountMinor - order.refundedMinor;
  let refundMinor: number;
  let refundedItems = order.refundedItems;
  switch (request.kind) {
    case 'amount':
      refundMinor = Math.min(request.minor, left);
      break;
    case 'items': {
      const byItems = refundItems(order, request.items);
      if (!byItems.ok) return byItems;
      refundMinor = Math.min(byItems.value.minor, left);
      refundedItems = byItems.value.refundedItems;
      break;
    }
    case 'all':
    case 'cancel':
      refundMinor = left;
      break;
  }
  const refundedMinor = order.refundedMinor + refundMinor;
  const whole = request.kind === 'cancel' || refundedMinor >= order.amountMinor;
  const reversedTarget = whole
    ? order.pointsEarned
    : Number((BigInt(order.pointsEarned) * BigInt(refundedMinor)) / BigInt(order.amountMinor));
  return ok({
    refundMinor,
    refundedMinor,
    refundedItems,
    pointsToReverse: Math.max(0, reversedTarget - order.pointsReversed),
    status: request.kind === 'cancel' ? 'cancelled' : whole ? 'refunded' : 'partially_refunded',
  });
}

function refundItems(
  order: OrderRecord,
  items: readonly { readonly id: string; readonly quantity: number }[],
): Result<{ minor: number; refundedItems: Record<string, number> }, ValidationError> {
  const byId = new Map<string, OrderItem>(order.items.map((item) => [item.id, item]));
  const refundedItems: Record<string, number> = { ...order.refundedItems };
  let minor = 0;
  for (const { id, quantity } of items) {
    const item = byId.get(id);
    if (!item) return err(new ValidationError(`Order ${order.orderId} has no item "${id}"`, { itemId: id }));
    // Quantities beyond what is left to refund are capped, like amounts.
    const refundable = Math.min(quantity, item.quantity - (refundedItems[id] ?? 0));
    refundedItems[id] = (refundedItems[id] ?? 0) + refundable;
    minor += refundable * item.priceMinor;
  }
  return ok({ minor, refundedItems });
}
