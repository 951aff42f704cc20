import { DomainError } from '../shared/domain-error';

/** The customer's personal data was erased: the profile can no longer change. */
export class UserErasedError extends DomainError {
  readonly code = 'CONFLICT';
  readonly retryable = false;
}
