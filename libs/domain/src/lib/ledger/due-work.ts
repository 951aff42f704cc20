import { PointsAccount } from './points-account';
import { PointsLot } from './points-lot';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a lot's "expiring soon" notice is due. */
export function expiryNoticeAt(lot: PointsLot, noticeDays: number): string | undefined {
  if (!lot.expiresAt || lot.expiryNoticeSent) return undefined;
  return new Date(Date.parse(lot.expiresAt) - noticeDays * DAY_MS).toISOString();
}

/** The earliest time the scheduled jobs have anything to do for these lots. */
export function nextDueAt(lots: readonly PointsLot[], noticeDays: number): string | undefined {
  const times = lots.flatMap((lot) =>
    lot.state === 'pending'
      ? [lot.maturesAt]
      : [lot.expiresAt, expiryNoticeAt(lot, noticeDays)],
  );
  return times.filter((time): time is string => time !== undefined).sort()[0];
}

/** The scheduled jobs' work on one account at `now`. */
export interface DueWork {
  readonly toMature: readonly PointsLot[];
  readonly toExpire: readonly PointsLot[];
  readonly toNotify: readonly PointsLot[];
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
  };
}
