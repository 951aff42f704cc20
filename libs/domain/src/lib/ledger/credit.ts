import { lotExpiry } from '../program/lot-expiry';
import { ProgramSettings } from '../program/program-settings';
import { AccountStats } from './account-stats';
import { EntryActor, EntryLine, EntrySource } from './ledger-entry';
import { PointsAccount } from './points-account';
import { PointsLot } from './points-lot';
import { EntrySpec, PlanContext, recordEntry } from './posting';

export interface CreditSpec {
  readonly tenantId: string;
  readonly userId: string;
  /** `earned` counts toward lifetime earnings (and tiers); `adjusted` is a manual credit. */
  readonly type: 'earned' | 'adjusted';
  readonly points: number;
  readonly reason: string;
  readonly source: EntrySource;
  readonly orderId?: string;
  readonly lines?: readonly EntryLine[];
  readonly actor?: EntryActor;
  /** Hold an earning as pending until this instant (the return window). */
  readonly pendingUntil?: string;
  /** The account's order statistics after this credit, when an order changes them. */
  readonly stats?: AccountStats;
}

/** Credits points: pending while a return window runs, otherwise available at once as a new lot. */
export function credit(
  current: PointsAccount | undefined,
  spec: CreditSpec,
  context: PlanContext,
  program: ProgramSettings,
) {
  const lots = current?.lots ?? [];
  const common = { reason: spec.reason, source: spec.source, lines: spec.lines, actor: spec.actor, stats: spec.stats };
  const entry: EntrySpec =
    spec.pendingUntil && spec.type === 'earned'
      ? {
          ...common,
          type: 'pending',
          points: spec.points,
          changes: { pending: spec.points },
          ...withLot(lots, {
            lotId: context.entryId,
            state: 'pending',
            points: spec.points,
            orderId: spec.orderId,
            maturesAt: spec.pendingUntil,
          }),
        }
      : {
          ...common,
          type: spec.type,
          points: spec.points,
          changes: {
            available: spec.points,
            lifetimeEarned: spec.type === 'earned' ? spec.points : 0,
          },
          ...withLot(lots, {
            lotId: context.entryId,
            state: 'available',
            // A negative balance (a reversal of spent points) is paid back before a lot fills.
            points: Math.max(0, (current?.available ?? 0) + spec.points) - Math.max(0, current?.available ?? 0),
            orderId: spec.orderId,
            expiresAt: lotExpiry(program.expiry, context.now, program.timeZone),
          }),
        };
  return recordEntry(spec, current, entry, context, program);
}

/** Adds a lot that holds points (lots never hold nothing) and records the movement. */
export function withLot(lots: readonly PointsLot[], lot: PointsLot): Pick<EntrySpec, 'lots' | 'movements'> {
  const clean = Object.fromEntries(Object.entries(lot).filter(([, value]) => value !== undefined)) as PointsLot;
  if (clean.points <= 0) return { lots, movements: [] };
  return {
    lots: [...lots, clean],
    movements: [{ lotId: clean.lotId, points: clean.points, ...(clean.expiresAt && { expiresAt: clean.expiresAt }) }],
  };
}
