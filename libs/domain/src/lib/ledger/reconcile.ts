import { LedgerEntry } from './ledger-entry';
import { PointsAccount } from './points-account';
import { addTotals, Totals, totalsOf, ZERO_TOTALS } from './totals';

/** How an account differs from what its entries prove; empty when it reconciles. */
export interface AccountDrift {
  readonly tenantId: string;
  readonly userId: string;
  readonly problems: readonly string[];
  readonly stored?: Totals;
  readonly fromEntries: Totals;
}

/** Recomputes the totals from the entries and checks the lots hold exactly what can be spent or is pending. */
export function reconcileAccount(
  account: PointsAccount | undefined,
  entries: readonly LedgerEntry[],
): AccountDrift | undefined {
  const fromEntries = entries.reduce((totals, entry) => addTotals(totals, entry.changes), ZERO_TOTALS);
  const problems: string[] = [];
  const stored = account ? totalsOf(account) : undefined;
  const tenantId = account?.tenantId ?? entries[0]?.tenantId ?? '';
  const userId = account?.userId ?? entries[0]?.userId ?? '';
  if (!account) {
    if (entries.length > 0) problems.push(`${entries.length} entries but no account`);
  } else {
    for (const total of Object.keys(fromEntries) as (keyof Totals)[]) {
      if (account[total] !== fromEntries[total]) {
        problems.push(`${total} is ${account[total]}, entries sum to ${fromEntries[total]}`);
      }
    }
    const lotsHold = (state: 'pending' | 'available') =>
      account.lots.filter((lot) => lot.state === state).reduce((sum, lot) => sum + lot.points, 0);
    if (lotsHold('available') !== Math.max(0, account.available)) {
      problems.push(`available lots hold ${lotsHold('available')}, balance is ${account.available}`);
    }
    if (lotsHold('pending') !== account.pending) {
      problems.push(`pending lots hold ${lotsHold('pending')}, pending is ${account.pending}`);
    }
  }
  let balance = 0;
  for (const entry of [...entries].sort((a, b) => a.sequence - b.sequence)) {
    balance += entry.changes.available;
    if (entry.balanceAfter !== balance) {
      problems.push(`${entry.entryId} says balance ${entry.balanceAfter}, entries before it sum to ${balance}`);
      break;
    }
  }
  return problems.length > 0 ? { tenantId, userId, problems, stored, fromEntries } : undefined;
}
