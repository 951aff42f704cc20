/** Every kind of movement the ledger records (SPEC "The ledger"). */
export type LedgerEntryType =
  | 'earned'
  | 'pending'
  | 'matured'
  | 'redeemed'
  | 'adjusted'
  | 'reversed'
  | 'expired';

/** What caused an entry, so that every balance change can be explained. */
export interface EntrySource {
  readonly kind: 'order' | 'manual' | 'campaign' | 'job';
  readonly id: string;
}

/** An immutable ledger line. Mistakes are corrected by new entries, never by edits. */
export interface LedgerEntry {
  readonly entryId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly type: LedgerEntryType;
  readonly points: number;
  readonly balanceAfter: number;
  readonly reason: string;
  readonly source: EntrySource;
  readonly createdAt: string;
}
