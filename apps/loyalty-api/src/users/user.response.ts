import { moneyToDecimal, SpendTotal, UserOverview } from '@loyalty/domain';

/** A customer as the API shows them: the profile, points, tier and what their orders add up to. */
export function userResponse({ profile, points, tier, totalSpent }: UserOverview) {
  return { ...profile, totalSpent: spendResponse(totalSpent), points, tier };
}

/** SPEC money format; no currency until the first order. */
function spendResponse({ minor, currency }: SpendTotal) {
  return currency === undefined ? { amount: 0 } : { amount: Number(moneyToDecimal({ minor: BigInt(minor), currency })), currency };
}
