import { OrderRecord } from '../orders/order-record';
import { DomainError } from '../shared/domain-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { Result } from '../shared/result';
import { LedgerEntry } from './ledger-entry';
import { PostingRequest } from './posting';

/**
 * `duplicate`: the effect was posted before, and this is the first posting's result.
 * No `entry`: the plan found nothing to post (e.g. an order already fully refunded).
 */
export interface PostingOutcome {
  readonly entry?: LedgerEntry;
  readonly order?: OrderRecord;
  readonly duplicate: boolean;
}

/** Port: stores a posting atomically with its account totals, its order and its idempotency record. */
export interface PointsLedger {
  post<E extends DomainError>(
    request: PostingRequest<E>,
  ): Promise<Result<PostingOutcome, E | IdempotencyConflictError>>;
}
