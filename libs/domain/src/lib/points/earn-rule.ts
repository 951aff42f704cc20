import { currencyExponent, Money } from '../shared/money';

/** `points` are earned for every whole `perAmount` currency units spent. */
export interface EarnRule {
  readonly points: number;
  readonly perAmount: number;
}

/** SPEC default: 1 point per 10 currency units (150.00 USD → 15 points). */
export const DEFAULT_EARN_RULE: EarnRule = { points: 1, perAmount: 10 };

/** Points for a purchase, rounded down: a partial step of `perAmount` earns nothing. */
export function pointsForPurchase(spent: Money, rule: EarnRule = DEFAULT_EARN_RULE): number {
  const minorPerStep = BigInt(rule.perAmount) * 10n ** BigInt(currencyExponent(spent.currency));
  return Number((spent.minor / minorPerStep) * BigInt(rule.points));
}
