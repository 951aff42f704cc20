import { TierLevel, TierSettings, thresholdValue } from './tier-settings';
import { Money } from '../shared/money';
import { ValidationError } from '../shared/validation-error';

/** Where a customer stands: the points they ever earned and, for spend tiers, their spend over the last 12 months. */
export interface TierStanding {
  readonly lifetimePoints: number;
  /** Required with the `rolling_12_month_spend` basis; missing counts as no spend. */
  readonly rolling12MonthSpend?: Money;
}

export interface TierProgress {
  readonly tier: string;
  readonly next?: string;
  /** With the `lifetime_points` basis: points still to earn for `next`. */
  readonly pointsToNext?: number;
  /** With the `rolling_12_month_spend` basis: spend still needed for `next`. */
  readonly spendToNext?: Money;
}

export function tierLevel(settings: TierSettings, tierId: string | undefined): TierLevel | undefined {
  return settings.levels.find((level) => level.id === tierId);
}

/** The highest tier the standing reaches. */
export function qualifyingTier(settings: TierSettings, standing: TierStanding): TierLevel {
  const measure = measureOf(settings, standing);
  return settings.levels.reduce((reached, level) => (threshold(settings, level) <= measure ? level : reached));
}

/**
 * Progress from the customer's current tier (which a grace period may hold above what they
 * qualify for) to the one above it; nothing to go when the next tier is already reached.
 */
export function tierProgress(
  settings: TierSettings,
  currentTier: string | undefined,
  standing: TierStanding,
): TierProgress {
  const current = tierLevel(settings, currentTier) ?? qualifyingTier(settings, standing);
  const next = settings.levels[settings.levels.indexOf(current) + 1];
  if (next === undefined) return { tier: current.id };
  const gap = threshold(settings, next) - measureOf(settings, standing);
  const toNext = gap > 0n ? gap : 0n;
  return settings.basis === 'lifetime_points'
    ? { tier: current.id, next: next.id, pointsToNext: Number(toNext) }
    : { tier: current.id, next: next.id, spendToNext: { minor: toNext, currency: spendCurrency(settings) } };
}

/** Rank of a tier: its position from the lowest (-1 for a tier the settings no longer have). */
export function tierRank(settings: TierSettings, tierId: string): number {
  return settings.levels.findIndex((level) => level.id === tierId);
}

function measureOf(settings: TierSettings, standing: TierStanding): bigint {
  if (settings.basis === 'lifetime_points') return BigInt(standing.lifetimePoints);
  const spend = standing.rolling12MonthSpend;
  if (spend === undefined) return 0n;
  if (spend.currency !== spendCurrency(settings)) {
    throw new ValidationError(`Tiers measure spend in ${spendCurrency(settings)}, not ${spend.currency}`, {
      currency: spend.currency,
    });
  }
  return spend.minor;
}

function threshold(settings: TierSettings, level: TierLevel): bigint {
  const spend = settings.basis === 'rolling_12_month_spend';
  return thresholdValue(level.threshold, spend ? spendCurrency(settings) : undefined) ?? 0n;
}

function spendCurrency(settings: TierSettings): string {
  return settings.currency ?? 'USD';
}
