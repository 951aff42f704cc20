/** The part of a ledger entry that says what it did and why. */
export interface EntryEffect {
  type: string;
  points: number;
  source: { kind: string; id: string };
}

/** What a hot-account round must have left: one earning per order, one redemption per 201. */
export interface ExpectedEffects {
  orderIds: readonly string[];
  /** The Idempotency-Keys of the redemptions the API accepted. */
  redemptionKeys: readonly string[];
}

export interface EffectsCheck {
  /** Accepted effects without their entry, as "order order_1" or "redemption key-3". */
  lost: string[];
  /** Effects with more than one entry. */
  doubled: string[];
  /** Entries no accepted request asked for (a refused redemption that still wrote, say). */
  unexpected: string[];
  earnedPoints: number;
  redeemedPoints: number;
}

/**
 * Compares an account's entries with what was accepted: every order earned exactly once, every
 * accepted redemption spent exactly once, nothing else written.
 */
export function checkEffects(
  entries: readonly EntryEffect[],
  expected: ExpectedEffects,
): EffectsCheck {
  const check: EffectsCheck = {
    lost: [],
    doubled: [],
    unexpected: [],
    earnedPoints: 0,
    redeemedPoints: 0,
  };
  const compare = (type: string, label: string, ids: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const entry of entries.filter(
      (candidate) => candidate.type === type,
    )) {
      counts.set(entry.source.id, (counts.get(entry.source.id) ?? 0) + 1);
      if (type === 'earned') check.earnedPoints += entry.points;
      else check.redeemedPoints += Math.abs(entry.points);
    }
    const wanted = new Set(ids);
    for (const id of wanted) {
      const count = counts.get(id) ?? 0;
      if (count === 0) check.lost.push(`${label} ${id}`);
      if (count > 1) check.doubled.push(`${label} ${id} (${count} entries)`);
    }
    for (const id of counts.keys()) {
      if (!wanted.has(id)) check.unexpected.push(`${label} ${id}`);
    }
  };
  compare('earned', 'order', expected.orderIds);
  compare('redeemed', 'redemption', expected.redemptionKeys);
  const known = new Set(['earned', 'redeemed']);
  for (const entry of entries.filter(
    (candidate) => !known.has(candidate.type),
  )) {
    check.unexpected.push(`${entry.type} ${entry.source.id}`);
  }
  return check;
}
