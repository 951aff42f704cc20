import { DomainError } from './domain-error';

/** Input that can never succeed, however often it is retried. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_ERROR';
  readonly retryable = false;
}
