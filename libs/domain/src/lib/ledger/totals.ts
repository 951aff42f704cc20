/** The running totals of an account; each ledger entry records its change to every one of them. */
export interface Totals {
  /** Spendable now; negative only when a reversal took back points already spent. */
  readonly available: number;
  /** Credited but still inside the return window. */
  readonly pending: number;
  /** Points earned and become available, net of reversals (tiers read this). */
  readonly lifetimeEarned: number;
  readonly redeemed: number;
  readonly expired: number;
}

export type TotalsChange = Totals;

export const ZERO_TOTALS: Totals = { available: 0, pending: 0, lifetimeEarned: 0, redeemed: 0, expired: 0 };

export function addTotals(totals: Totals, change: TotalsChange): Totals {
  return {
    available: totals.available + change.available,
    pending: totals.pending + change.pending,
    lifetimeEarned: totals.lifetimeEarned + change.lifetimeEarned,
    redeemed: totals.redeemed + change.redeemed,
    expired: totals.expired + change.expired,
  };
}

export function totalsOf(value: Totals): Totals {
  const { available, pending, lifetimeEarned, redeemed, expired } = value;
  return { available, pending, lifetimeEarned, redeemed, expired };
}

export const changeOf = (change: Partial<TotalsChange>): TotalsChange => ({ ...ZERO_TOTALS, ...change });
