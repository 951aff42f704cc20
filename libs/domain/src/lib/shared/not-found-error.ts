import { DomainError } from './domain-error';

/** The record a request names does not exist (in the caller's tenant). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly retryable = false;
}
