import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { Result } from '../shared/result';
import { LedgerEntry } from './ledger-entry';
import { Posting } from './posting';

/** `duplicate` means the same effect was already posted; `entry` is the first posting's entry. */
export interface PostingOutcome {
  readonly entry: LedgerEntry;
  readonly duplicate: boolean;
}

/** Port: stores a posting atomically with its account totals and its idempotency record. */
export interface PointsLedger {
  post(posting: Posting): Promise<Result<PostingOutcome, IdempotencyConflictError>>;
}
