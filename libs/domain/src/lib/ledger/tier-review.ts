import { ProgramSettings, tierSettingsOf } from '../program/program-settings';
import { decideTierChange, TierChanged } from '../tiers/tier-change';
import { AccountStats, NO_STATS, rolling12MonthSpendMinor } from './account-stats';
import { Totals } from './totals';

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
  const currency = settings.currency ?? 'USD';
  const decision = decideTierChange({
    ...owner,
    settings,
    timeZone: program.timeZone,
    current: stats.tier ?? { tier: settings.levels[0]?.id ?? 'bronze' },
    standing: {
      lifetimePoints: totals.lifetimeEarned,
      rolling12MonthSpend: { minor: BigInt(rolling12MonthSpendMinor(stats, now, program.timeZone)), currency },
    },
    now,
  });
  return { stats: { ...stats, tier: decision.state }, ...(decision.changed && { changed: decision.changed }) };
}
