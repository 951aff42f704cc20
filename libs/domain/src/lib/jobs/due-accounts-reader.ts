/** An account with scheduled work (maturity, expiry or a notice) due. */
export interface DueAccount {
  readonly tenantId: string;
  readonly userId: string;
}

/** Port: finds the accounts whose next scheduled work is due by `now`. */
export interface DueAccountsReader {
  dueAccounts(now: Date): AsyncIterable<DueAccount>;
}
