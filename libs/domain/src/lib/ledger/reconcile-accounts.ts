import { DueAccount } from '../jobs/due-accounts-reader';
import { LedgerHistoryReader } from './ledger-history-reader';
import { PointsAccountReader } from './points-account-reader';
import { AccountDrift, reconcileAccount } from './reconcile';

/** Port: every account, optionally of one tenant. */
export interface AccountDirectory {
  allAccounts(tenantId?: string): AsyncIterable<DueAccount>;
}

export interface ReconcileReport {
  readonly accounts: number;
  readonly drifts: readonly AccountDrift[];
}

/**
 * Use case: recomputes every account from its entries. An account written while it is being read is
 * read again, so a busy ledger is not mistaken for a drifting one.
 */
export class ReconcileAccounts {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly accounts: PointsAccountReader,
    private readonly history: LedgerHistoryReader,
  ) {}

  async execute(tenantId?: string): Promise<ReconcileReport> {
    let accounts = 0;
    const drifts: AccountDrift[] = [];
    for await (const { tenantId: tenant, userId } of this.directory.allAccounts(tenantId)) {
      accounts += 1;
      const drift = await this.reconcileOne(tenant, userId);
      if (drift) drifts.push(drift);
    }
    return { accounts, drifts };
  }

  async reconcileOne(tenantId: string, userId: string, attempts = 5): Promise<AccountDrift | undefined> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.accounts.getAccount(tenantId, userId, { consistent: true });
      const entries = await this.history.allEntries(tenantId, userId);
      const after = await this.accounts.getAccount(tenantId, userId, { consistent: true });
      if (before?.version === after?.version || attempt === attempts) return reconcileAccount(after, entries);
    }
  }
}
