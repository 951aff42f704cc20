import { createHash } from 'node:crypto';
import { EntrySource, LedgerEntry, LedgerEntryType } from './ledger-entry';
import { PointsAccount } from './points-account';

/**
 * A request to move points. `idempotencyKey` is the business identity of the effect (never a
 * transport id), and `requestHash` fingerprints its payload: the same key with another payload is a
 * conflict, not a repeat.
 */
export interface Posting {
  readonly tenantId: string;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly type: LedgerEntryType;
  readonly points: number;
  readonly reason: string;
  readonly source: EntrySource;
}

/** The state a posting leaves behind: the new entry and the account totals it implies. */
export interface PostingResult {
  readonly entry: LedgerEntry;
  readonly account: PointsAccount;
}

/** Stable fingerprint of a payload: key order does not matter, every value does. */
export function fingerprint(payload: Record<string, string | number | boolean>): string {
  const canonical = JSON.stringify(Object.entries(payload).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('hex');
}

/** Applies a posting to the current account (undefined when the customer has none yet). */
export function applyPosting(
  current: PointsAccount | undefined,
  posting: Posting,
  entryId: string,
  now: Date,
): PostingResult {
  const available = (current?.available ?? 0) + posting.points;
  const earned = posting.type === 'earned' ? posting.points : 0;
  const createdAt = now.toISOString();
  return {
    entry: {
      entryId,
      tenantId: posting.tenantId,
      userId: posting.userId,
      type: posting.type,
      points: posting.points,
      balanceAfter: available,
      reason: posting.reason,
      source: posting.source,
      createdAt,
    },
    account: {
      tenantId: posting.tenantId,
      userId: posting.userId,
      available,
      lifetimeEarned: (current?.lifetimeEarned ?? 0) + earned,
      version: (current?.version ?? 0) + 1,
      updatedAt: createdAt,
    },
  };
}
