import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Cancellation codes that another attempt can overcome: a concurrent transaction, a brief throttle. */
const TRANSIENT_CODES = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * The names of the items whose condition failed when a transaction was cancelled, read by position
 * (`names[i]` names the transaction's item i); empty for any other error.
 */
export function failedConditions<Name extends string>(error: unknown, names: readonly Name[]): Name[] {
  if (!(error instanceof TransactionCanceledException)) return [];
  return (error.CancellationReasons ?? []).flatMap((reason, index) => {
    const name = names[index];
    return reason.Code === 'ConditionalCheckFailed' && name !== undefined ? [name] : [];
  });
}

/** The transaction lost to a concurrent writer or was throttled: trying again may succeed. */
export function isTransientConflict(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((reason) => TRANSIENT_CODES.has(reason.Code ?? ''));
  }
  return error instanceof Error && error.name === 'TransactionConflictException';
}
