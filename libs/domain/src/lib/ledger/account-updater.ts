import { PointsAccount } from './points-account';

/**
 * Port: changes an account without a ledger entry (bookkeeping of the scheduled jobs: notices sent,
 * tier reviews). `change` sees the current account and returns the next one, or undefined for no
 * write; it is called again if another writer got there first.
 */
export interface AccountUpdater {
  updateAccount(
    tenantId: string,
    userId: string,
    change: (account: PointsAccount) => PointsAccount | undefined,
  ): Promise<PointsAccount | undefined>;
}
