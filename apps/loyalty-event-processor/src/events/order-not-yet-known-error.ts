import { DomainError } from '@loyalty/domain';

/** A refund or cancellation for an order whose completion has not arrived yet; worth retrying. */
export class OrderNotYetKnownError extends DomainError {
  readonly code = 'ORDER_NOT_YET_KNOWN';
  readonly retryable = true;
}
