import { Page, PageRequest } from '../shared/page';
import { LedgerEntry, LedgerEntryType } from './ledger-entry';

export interface HistoryQuery extends PageRequest {
  readonly type?: LedgerEntryType;
}

/** Port: a customer's entries, newest first. */
export interface LedgerHistoryReader {
  history(tenantId: string, userId: string, query: HistoryQuery): Promise<Page<LedgerEntry>>;
  /** Every entry of the account, oldest first (reconcile, export). */
  allEntries(tenantId: string, userId: string): Promise<LedgerEntry[]>;
}
