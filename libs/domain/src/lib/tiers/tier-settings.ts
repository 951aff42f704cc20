import { moneyFromDecimal } from '../shared/money';

/** What moves a customer between tiers: points earned over their lifetime, or spend over the last 12 months. */
export type TierBasis = 'lifetime_points' | 'rolling_12_month_spend';
export const TIER_BASES: readonly TierBasis[] = ['lifetime_points', 'rolling_12_month_spend'];

/** Downgrades wait for the end of this calendar period (in the tenant's time zone). */
export type TierReviewPeriod = 'month' | 'quarter' | 'year';
export const TIER_REVIEW_PERIODS: readonly TierReviewPeriod[] = ['month', 'quarter', 'year'];

export interface TierLevel {
  readonly id: string;
  /** Lifetime points, or a decimal amount of `currency` for spend, from which the tier is reached. */
  readonly threshold: number;
  /** Base points are multiplied by this for customers in the tier (1: no bonus). */
  readonly earnMultiplier: number;
}

/** A tenant's tiers (`ProgramSettings.tiers`). */
export interface TierSettings {
  readonly basis: TierBasis;
  /** Currency of spend thresholds; required with `rolling_12_month_spend`. */
  readonly currency?: string;
  /** Lowest first, the first at threshold 0, thresholds strictly increasing. */
  readonly levels: readonly TierLevel[];
  readonly reviewPeriod: TierReviewPeriod;
  /** Days after a period's end during which a customer who no longer qualifies keeps their tier. */
  readonly downgradeGraceDays: number;
}

/** SPEC default: bronze 0, silver 1,000, gold 5,000, platinum 10,000 lifetime points; no earning bonus. */
export const DEFAULT_TIER_SETTINGS: TierSettings = {
  basis: 'lifetime_points',
  levels: [
    { id: 'bronze', threshold: 0, earnMultiplier: 1 },
    { id: 'silver', threshold: 1_000, earnMultiplier: 1 },
    { id: 'gold', threshold: 5_000, earnMultiplier: 1 },
    { id: 'platinum', threshold: 10_000, earnMultiplier: 1 },
  ],
  reviewPeriod: 'year',
  downgradeGraceDays: 30,
};

const TIER_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const MULTIPLIER = /^\d+(\.\d{1,2})?$/;

/** What is wrong with tier settings, by field under `tiers.` (empty when nothing is). */
export function tierSettingsProblems(settings: TierSettings): Record<string, string> {
  const problems: Record<string, string> = {};
  const { basis, currency, levels, reviewPeriod, downgradeGraceDays } = settings ?? {};
  if (!TIER_BASES.includes(basis)) problems['tiers.basis'] = TIER_BASES.join(' or ');
  const spend = basis === 'rolling_12_month_spend';
  const knownCurrency = typeof currency === 'string' && moneyFromDecimal(0, currency).ok;
  if (spend && !knownCurrency) {
    problems['tiers.currency'] = 'an ISO 4217 currency code, required for rolling_12_month_spend';
  }
  if (!Array.isArray(levels) || levels.length === 0 || levels.length > 20 || !levels.every(isLevel)) {
    problems['tiers.levels'] =
      '1 to 20 levels {"id": "gold", "threshold": 5000, "earnMultiplier": 1.5}: lower-case ids, multipliers 1–10 with at most two decimals';
  } else if (new Set(levels.map((level) => level.id)).size !== levels.length) {
    problems['tiers.levels'] = 'distinct ids';
  } else if ((!spend || knownCurrency) && !hasIncreasingThresholds(levels, spend ? currency : undefined)) {
    problems['tiers.levels'] = spend
      ? `the first threshold 0, then strictly increasing decimal amounts in ${currency}`
      : 'the first threshold 0, then strictly increasing whole numbers of points';
  }
  if (!TIER_REVIEW_PERIODS.includes(reviewPeriod)) problems['tiers.reviewPeriod'] = TIER_REVIEW_PERIODS.join(', ');
  if (!Number.isInteger(downgradeGraceDays) || downgradeGraceDays < 0 || downgradeGraceDays > 365) {
    problems['tiers.downgradeGraceDays'] = 'a whole number of days, 0–365';
  }
  return problems;
}

function isLevel(level: TierLevel): boolean {
  return (
    typeof level === 'object' &&
    level !== null &&
    typeof level.id === 'string' &&
    TIER_ID.test(level.id) &&
    typeof level.threshold === 'number' &&
    typeof level.earnMultiplier === 'number' &&
    MULTIPLIER.test(String(level.earnMultiplier)) &&
    level.earnMultiplier >= 1 &&
    level.earnMultiplier <= 10
  );
}

function hasIncreasingThresholds(levels: readonly TierLevel[], currency: string | undefined): boolean {
  const values = levels.map((level) => thresholdValue(level.threshold, currency));
  return values.every((value, index) => {
    const previous = values[index - 1];
    return index === 0 ? value === 0n : value !== undefined && previous !== undefined && value > previous;
  });
}

/** A threshold in the basis's unit: points, or minor units of the spend currency; undefined when not one. */
export function thresholdValue(threshold: number, currency: string | undefined): bigint | undefined {
  if (currency === undefined) return Number.isSafeInteger(threshold) && threshold >= 0 ? BigInt(threshold) : undefined;
  const amount = moneyFromDecimal(threshold, currency);
  return amount.ok ? amount.value.minor : undefined;
}
