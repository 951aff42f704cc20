import { DateTime } from 'luxon';
import type { TierState } from '../tiers/tier-change';

/** What campaigns and tiers need to know about a customer, kept on the account by order postings. */
export interface AccountStats {
  /** Orders completed (milestones, first-order conditions). */
  readonly completedOrders: number;
  /** Spend net of refunds, in minor units of `currency` (the orders' currency). */
  readonly spentMinor: number;
  readonly currency?: string;
  /** Net spend per local month "YYYY-MM", the last 13 months only (rolling 12-month tiers). */
  readonly spendByMonth: Readonly<Record<string, number>>;
  readonly tier?: TierState;
}

export const NO_STATS: AccountStats = { completedOrders: 0, spentMinor: 0, spendByMonth: {} };

const monthOf = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM');

/** The stats after a completed order (`completed` 1) or a refund (`completed` 0, negative spend). */
export function recordSpend(
  stats: AccountStats,
  change: { completed: 0 | 1; spendMinor: number; currency: string; at: Date; timeZone: string },
): AccountStats {
  const month = monthOf(change.at, change.timeZone);
  const oldest = DateTime.fromJSDate(change.at, { zone: change.timeZone }).minus({ months: 12 }).toFormat('yyyy-MM');
  const spendByMonth = Object.fromEntries(
    Object.entries({ ...stats.spendByMonth, [month]: (stats.spendByMonth[month] ?? 0) + change.spendMinor }).filter(
      ([key]) => key >= oldest,
    ),
  );
  return {
    ...stats,
    completedOrders: stats.completedOrders + change.completed,
    spentMinor: stats.spentMinor + change.spendMinor,
    currency: change.currency,
    spendByMonth,
  };
}

/** Net spend in the 12 local months up to and including the month of `at`. */
export function rolling12MonthSpendMinor(stats: AccountStats, at: Date, timeZone: string): number {
  const first = DateTime.fromJSDate(at, { zone: timeZone }).minus({ months: 11 }).toFormat('yyyy-MM');
  return Object.entries(stats.spendByMonth)
    .filter(([month]) => month >= first)
    .reduce((sum, [, minor]) => sum + minor, 0);
}
