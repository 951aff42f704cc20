import { LotMovement } from './ledger-entry';

/**
 * Points credited together, tracked until spent, reversed or expired. Spending draws from the lots
 * that expire soonest; a lot's id is the id of the entry that credited it.
 */
export interface PointsLot {
  readonly lotId: string;
  readonly state: 'pending' | 'available';
  /** Points left in the lot. */
  readonly points: number;
  readonly orderId?: string;
  /** For pending lots: when the return window ends. */
  readonly maturesAt?: string;
  /** For available lots: when what is left lapses (absent: never). */
  readonly expiresAt?: string;
  /** Set once the "expiring soon" notice for this lot went out. */
  readonly expiryNoticeSent?: boolean;
}

/** Soonest-expiring first, never-expiring last; ties by age (ids sort by creation time). */
export function spendingOrder(a: PointsLot, b: PointsLot): number {
  const byExpiry = (a.expiresAt ?? '\uffff').localeCompare(b.expiresAt ?? '\uffff');
  return byExpiry !== 0 ? byExpiry : a.lotId.localeCompare(b.lotId);
}

export interface LotDraw {
  readonly lots: readonly PointsLot[];
  readonly movements: readonly LotMovement[];
  /** What the lots could not cover. */
  readonly shortfall: number;
}

/**
 * Takes `points` out of the available lots: first from `preferred` lots (a reversal takes back the
 * order's own points first), then soonest-expiring first. Emptied lots are dropped.
 */
export function drawFromLots(
  lots: readonly PointsLot[],
  points: number,
  preferred: (lot: PointsLot) => boolean = () => false,
): LotDraw {
  const available = lots.filter((lot) => lot.state === 'available');
  const order = [
    ...available.filter(preferred).sort(spendingOrder),
    ...available.filter((lot) => !preferred(lot)).sort(spendingOrder),
  ];
  const taken = new Map<string, number>();
  let remaining = points;
  for (const lot of order) {
    if (remaining === 0) break;
    const take = Math.min(lot.points, remaining);
    taken.set(lot.lotId, take);
    remaining -= take;
  }
  return {
    lots: lots
      .map((lot) => ({ ...lot, points: lot.points - (taken.get(lot.lotId) ?? 0) }))
      .filter((lot) => lot.points > 0),
    movements: order
      .filter((lot) => taken.has(lot.lotId))
      .map((lot) => ({ lotId: lot.lotId, points: -(taken.get(lot.lotId) as number), ...(lot.expiresAt && { expiresAt: lot.expiresAt }) })),
    shortfall: remaining,
  };
}
