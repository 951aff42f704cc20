import { Money, moneyFromDecimal } from '../shared/money';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { OrderCompleted } from './order-completed';
import { OrderItem } from './order-record';

export interface ParsedOrder {
  readonly amount: Money;
  readonly amountMinor: number;
  readonly items: readonly OrderItem[];
}

/** Reads an order's decimal amounts into minor units; refuses what money arithmetic cannot hold. */
export function parseOrder(order: OrderCompleted): Result<ParsedOrder, ValidationError> {
  const amount = moneyFromDecimal(order.amount, order.currency);
  if (!amount.ok) return amount;
  const amountMinor = safeMinor(amount.value.minor, 'amount');
  if (!amountMinor.ok) return amountMinor;
  const items: OrderItem[] = [];
  for (const [index, item] of (order.items ?? []).entries()) {
    const price = moneyFromDecimal(item.price, order.currency);
    if (!price.ok) return err(new ValidationError(`items[${index}].price: ${price.error.message}`, price.error.details));
    const priceMinor = safeMinor(price.value.minor, `items[${index}].price`);
    if (!priceMinor.ok) return priceMinor;
    items.push({
      id: item.id ?? item.sku,
      sku: item.sku,
      ...(item.category !== undefined && { category: item.category }),
      priceMinor: priceMinor.value,
      quantity: item.quantity,
    });
  }
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) {
    return err(new ValidationError('Each order item needs a distinct id (or SKU)', { field: 'items' }));
  }
  return ok({ amount: amount.value, amountMinor: amountMinor.value, items });
}

export function safeMinor(minor: bigint, field: string): Result<number, ValidationError> {
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return err(new ValidationError(`${field} is too large`, { field }));
  }
  return ok(Number(minor));
}
