import { lotExpiry } from '../program/lot-expiry';
import { ProgramSettings } from '../program/program-settings';
import { PointsAccount } from './points-account';
import { PlanContext, recordEntry } from './posting';

const jobSource = (lotId: string) => ({ kind: 'job', id: lotId }) as const;

/**
 * Makes a pending lot spendable once its return window has passed; its expiry counts from now.
 * Undefined when the lot is gone (reversed, or matured by an earlier run) or not yet due.
 */
export function mature(current: PointsAccount, lotId: string, context: PlanContext, program: ProgramSettings) {
  const lot = current.lots.find((candidate) => candidate.lotId === lotId && candidate.state === 'pending');
  if (!lot || !lot.maturesAt || lot.maturesAt > context.now.toISOString()) return undefined;
  const expiresAt = lotExpiry(program.expiry, context.now, program.timeZone);
  const spendable = Math.max(0, current.available + lot.points) - Math.max(0, current.available);
  const others = current.lots.filter((candidate) => candidate !== lot);
  const matured = { lotId, state: 'available' as const, points: spendable, ...(lot.orderId && { orderId: lot.orderId }), ...(expiresAt && { expiresAt }) };
  return recordEntry(
    current,
    current,
    {
      type: 'matured',
      points: lot.points,
      changes: { pending: -lot.points, available: lot.points, lifetimeEarned: lot.points },
      lots: spendable > 0 ? [...others, matured] : others,
      movements: [{ lotId, points: spendable, ...(expiresAt && { expiresAt }) }],
      reason: `Return window ended for ${lot.orderId ?? lotId}`,
      source: jobSource(lotId),
    },
    context,
    program,
  );
}

/** Posts what is left of an available lot past its expiry. Undefined when nothing is due. */
export function expire(current: PointsAccount, lotId: string, context: PlanContext, program: ProgramSettings) {
  const lot = current.lots.find((candidate) => candidate.lotId === lotId && candidate.state === 'available');
  if (!lot || !lot.expiresAt || lot.expiresAt > context.now.toISOString()) return undefined;
  return recordEntry(
    current,
    current,
    {
      type: 'expired',
      points: -lot.points,
      changes: { available: -lot.points, expired: lot.points },
      lots: current.lots.filter((candidate) => candidate !== lot),
      movements: [{ lotId, points: -lot.points, expiresAt: lot.expiresAt }],
      reason: `Points from ${lot.orderId ?? lotId} expired`,
      source: jobSource(lotId),
    },
    context,
    program,
  );
}
