import { DomainError } from './domain-error';

/** The same business identity arrived again with a different payload. */
export class IdempotencyConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly retryable = false;
}
