import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../config/naming';

/** An event as the e-commerce platform publishes it through EventBridge. */
export interface EventBridgeEnvelope<Type extends string, Detail> {
  version: '0';
  id: string;
  'detail-type': Type;
  source: 'ecommerce.platform';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Detail;
}

export function eventBridgeEnvelope<Type extends string, Detail>(
  type: Type,
  detail: Detail,
  now: Date,
): EventBridgeEnvelope<Type, Detail> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': type,
    source: 'ecommerce.platform',
    account: LOCAL_ACCOUNT_ID,
    time: now.toISOString(),
    region: LOCAL_REGION,
    resources: [],
    detail,
  };
}

const DECIMAL_AMOUNT = /^\d+(\.\d+)?$/;

/**
 * A decimal amount as typed ("150.00") as the number JSON carries, as the platform sends it;
 * nothing is computed with it.
 */
export function decimalAmount(amount: string): number {
  if (!DECIMAL_AMOUNT.test(amount)) {
    throw new Error(
      `amount must be a decimal number such as 150.00, got "${amount}"`,
    );
  }
  return Number(amount);
}
