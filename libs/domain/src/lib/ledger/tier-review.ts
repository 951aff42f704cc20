import { ProgramSettings, tierSettingsOf } from '../program/program-settings';
import { moneyToDecimal } from '../shared/money';
import { decideTierChange, TierChanged } from '../tiers/tier-change';
import { TierStanding, tierProgress } from '../tiers/tier-standing';
import { AccountStats, NO_STATS, rolling12MonthSpendMinor } from './account-stats';
import { withNextDueAt } from './due-work';
import { PointsAccount } from './points-account';
import { Totals } from './totals';

/** Where the customer stands for tiers: lifetime points and spend over the last 12 months. */
export function tierStandingOf(
  totals: Pick<Totals, 'lifetimeEarned'>,
  stats: AccountStats,
  program: ProgramSettings,
  now: Date,
): TierStanding {
  const currency = tierSettingsOf(program).currency ?? program.currency;
  return {
    lifetimePoints: totals.lifetimeEarned,
    rolling12MonthSpend: { minor: BigInt(rolling12MonthSpendMinor(stats, now, program.timeZone)), currency },
  };
}

/**
 * The customer's tier after a posting (or at a scheduled review): up at once when the standing
 * reaches a higher tier, down only once the hold of the tier they had has passed.
 */
export function reviewTier(
  owner: { tenantId: string; userId: string },
  totals: Pick<Totals, 'lifetimeEarned'>,
  stats: AccountStats = NO_STATS,
  program: ProgramSettings,
  now: Date,
): { stats: AccountStats; changed?: TierChanged } {
  const settings = tierSettingsOf(program);
  const decision = decideTierChange({
    ...owner,
    settings,
    timeZone: program.timeZone,
    current: stats.tier ?? { tier: settings.levels[0]?.id ?? 'bronze' },
    standing: tierStandingOf(totals, stats, program, now),
    now,
  });
  return { stats: { ...stats, tier: decision.state }, ...(decision.changed && { changed: decision.changed }) };
}

/** A scheduled review once the hold on a tier ended: the account to store, and the change to announce. */
export function reviewAccountTier(account: PointsAccount, program: ProgramSettings, now: Date) {
  const reviewed = reviewTier(account, account, account.stats, program, now);
  return {
    account: withNextDueAt({ ...account, stats: reviewed.stats }, program.expiringSoonDays),
    ...(reviewed.changed && { changed: reviewed.changed }),
  };
}

/** A customer's tier as the API shows it: the tier held, until when, and what the next one takes. */
export function tierView(account: PointsAccount | undefined, program: ProgramSettings, now: Date) {
  const stats = account?.stats ?? NO_STATS;
  const progress = tierProgress(
    tierSettingsOf(program),
    stats.tier?.tier,
    tierStandingOf({ lifetimeEarned: account?.lifetimeEarned ?? 0 }, stats, program, now),
  );
  return {
    tier: progress.tier,
    ...(stats.tier?.heldUntil && { heldUntil: stats.tier.heldUntil }),
    ...(progress.next && { next: progress.next }),
    ...(progress.pointsToNext !== undefined && { pointsToNext: progress.pointsToNext }),
    ...(progress.spendToNext && { spendToNext: moneyToDecimal(progress.spendToNext), currency: progress.spendToNext.currency }),
  };
}
