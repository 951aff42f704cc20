import { PointsAccount } from './points-account';
import { PointsLot } from './points-lot';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a lot's "expiring soon" notice is due. */
export function expiryNoticeAt(lot: PointsLot, noticeDays: number): string | undefined {
  if (!lot.expiresAt || lot.expiryNoticeSent) return undefined;
  return new Date(Date.parse(lot.expiresAt) - noticeDays * DAY_MS).toISOString();
}

/** The earliest time the scheduled jobs have anything to do: a lot to mature, expire or warn about, a tier to review. */
export function nextDueAt(lots: readonly PointsLot[], noticeDays: number, tierReviewAt?: string): string | undefined {
  const times = lots.flatMap((lot) =>
    lot.state === 'pending'
      ? [lot.maturesAt]
      : [lot.expiresAt, expiryNoticeAt(lot, noticeDays)],
  );
  return [...times, tierReviewAt].filter((time): time is string => time !== undefined).sort()[0];
}

/** The account with the jobs' next due time recomputed (after its lots or tier changed). */
export function withNextDueAt(account: PointsAccount, noticeDays: number): PointsAccount {
  return { ...account, nextDueAt: nextDueAt(account.lots, noticeDays, account.stats?.tier?.heldUntil) };
}

/** The account once the "expiring soon" notices of these lots went out. */
export function markNoticesSent(account: PointsAccount, lotIds: readonly string[], noticeDays: number): PointsAccount {
  const lots = account.lots.map((lot) => (lotIds.includes(lot.lotId) ? { ...lot, expiryNoticeSent: true } : lot));
  return withNextDueAt({ ...account, lots }, noticeDays);
}

/** The scheduled jobs' work on one account at `now`. */
export interface DueWork {
  readonly toMature: readonly PointsLot[];
  readonly toExpire: readonly PointsLot[];
  readonly toNotify: readonly PointsLot[];
  /** The hold on the customer's tier ended: up, down, or held for another period. */
  readonly tierReview: boolean;
}

export function dueWork(account: PointsAccount, now: Date, noticeDays: number): DueWork {
  const at = now.toISOString();
  const isDue = (time: string | undefined) => time !== undefined && time <= at;
  const available = account.lots.filter((lot) => lot.state === 'available');
  return {
    toMature: account.lots.filter((lot) => lot.state === 'pending' && isDue(lot.maturesAt)),
    toExpire: available.filter((lot) => isDue(lot.expiresAt)),
    toNotify: available.filter(
      (lot) => !isDue(lot.expiresAt) && isDue(expiryNoticeAt(lot, noticeDays)),
    ),
    tierReview: isDue(account.stats?.tier?.heldUntil),
  };
}
