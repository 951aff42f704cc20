import { DomainError } from './domain-error';

/** A debit larger than the available balance; nothing was written. */
export class InsufficientPointsError extends DomainError {
  readonly code = 'INSUFFICIENT_POINTS';
  readonly retryable = false;
}
