import { ProgramSettings, ReversalPolicy } from '../program/program-settings';
import { AccountStats } from './account-stats';
import { EntrySource, LotMovement } from './ledger-entry';
import { PointsAccount } from './points-account';
import { drawFromLots, PointsLot } from './points-lot';
import { PlanContext, recordEntry } from './posting';

export interface ReversalSpec {
  readonly tenantId: string;
  readonly userId: string;
  readonly orderId: string;
  /** Earned points to take back, as a positive number. */
  readonly points: number;
  readonly reason: string;
  readonly source: EntrySource;
  readonly policy: ReversalPolicy;
  readonly stats?: AccountStats;
}

/**
 * Takes back points an order earned: first what is still pending for that order, then the order's
 * own lot, then other lots soonest-expiring first. Points already spent are taken into a negative
 * balance (`allow_negative`) or written off and recorded as uncollected (`clamp`).
 */
export function reverse(
  current: PointsAccount | undefined,
  spec: ReversalSpec,
  context: PlanContext,
  program: ProgramSettings,
) {
  const pending = cancelPending(current?.lots ?? [], spec.orderId, spec.points);
  const fromAvailable = spec.points - pending.taken;
  const drawn = drawFromLots(pending.lots, fromAvailable, (lot) => lot.orderId === spec.orderId);
  const uncollected = spec.policy === 'clamp' ? drawn.shortfall : 0;
  const availableChange = uncollected - fromAvailable;
  return recordEntry(
    spec,
    current,
    {
      type: 'reversed',
      points: availableChange - pending.taken,
      changes: { pending: 0 - pending.taken, available: availableChange, lifetimeEarned: 0 - fromAvailable },
      lots: drawn.lots,
      movements: [...pending.movements, ...drawn.movements],
      reason: spec.reason,
      source: spec.source,
      uncollected,
      stats: spec.stats,
    },
    context,
    program,
  );
}

function cancelPending(lots: readonly PointsLot[], orderId: string, points: number) {
  let taken = 0;
  const movements: LotMovement[] = [];
  const remaining = lots
    .map((lot) => {
      if (lot.state !== 'pending' || lot.orderId !== orderId || taken === points) return lot;
      const take = Math.min(lot.points, points - taken);
      taken += take;
      movements.push({ lotId: lot.lotId, points: -take });
      return { ...lot, points: lot.points - take };
    })
    .filter((lot) => lot.points > 0);
  return { lots: remaining, taken, movements };
}
