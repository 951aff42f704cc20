import { LedgerEntry, LedgerEntryType } from './ledger-entry';

/** A store position to continue a listing from; opaque to the domain and signed by the API. */
export type PagePosition = Record<string, unknown>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: PagePosition;
}

export interface HistoryQuery {
  readonly limit: number;
  readonly type?: LedgerEntryType;
  readonly after?: PagePosition;
}

/** Port: a customer's entries, newest first. */
export interface LedgerHistoryReader {
  history(tenantId: string, userId: string, query: HistoryQuery): Promise<Page<LedgerEntry>>;
  /** Every entry of the account, oldest first (reconcile, export). */
  allEntries(tenantId: string, userId: string): Promise<LedgerEntry[]>;
}
