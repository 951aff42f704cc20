import { DomainError } from './domain-error';

/** A record with the same identity exists already: creating it again would overwrite it. */
export class AlreadyExistsError extends DomainError {
  readonly code = 'CONFLICT';
  readonly retryable = false;
}
