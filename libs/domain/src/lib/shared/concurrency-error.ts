import { DomainError } from './domain-error';

/** Concurrent writers kept winning the race for an account; a later attempt will succeed. */
export class ConcurrencyError extends DomainError {
  readonly code = 'CONCURRENCY_CONFLICT';
  readonly retryable = true;
}
