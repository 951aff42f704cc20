import { ProgramSettings } from '../program/program-settings';
import { InsufficientPointsError } from '../shared/insufficient-points-error';
import { err, ok, Result } from '../shared/result';
import { EntryActor, EntrySource } from './ledger-entry';
import { PointsAccount } from './points-account';
import { drawFromLots } from './points-lot';
import { PlanContext, recordEntry } from './posting';

export interface DebitSpec {
  readonly tenantId: string;
  readonly userId: string;
  /** `redeemed` counts as spending; `adjusted` is a manual correction. */
  readonly type: 'redeemed' | 'adjusted';
  /** Points to take, as a positive number. */
  readonly points: number;
  readonly reason: string;
  readonly source: EntrySource;
  readonly actor?: EntryActor;
}

/**
 * Takes points from the available balance, soonest-expiring lots first, and records the lots it drew
 * from. Never overdraws: a debit larger than the balance is refused and nothing is written.
 */
export function debit(
  current: PointsAccount | undefined,
  spec: DebitSpec,
  context: PlanContext,
  program: ProgramSettings,
): Result<ReturnType<typeof recordEntry>, InsufficientPointsError> {
  const available = current?.available ?? 0;
  if (spec.points > available) {
    return err(
      new InsufficientPointsError(`Only ${Math.max(0, available)} points are available`, {
        available: Math.max(0, available),
        requested: spec.points,
      }),
    );
  }
  const drawn = drawFromLots(current?.lots ?? [], spec.points);
  return ok(
    recordEntry(
      spec,
      current,
      {
        type: spec.type,
        points: -spec.points,
        changes: { available: -spec.points, redeemed: spec.type === 'redeemed' ? spec.points : 0 },
        lots: drawn.lots,
        movements: drawn.movements,
        reason: spec.reason,
        source: spec.source,
        actor: spec.actor,
      },
      context,
      program,
    ),
  );
}
