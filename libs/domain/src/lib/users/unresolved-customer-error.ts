import { DomainError } from '../shared/domain-error';

/**
 * Why a provider's customer is no user of the program:
 * - CREATION_DISABLED: unknown, and the business does not create customers from provider events;
 * - NO_EMAIL: unknown, and without an email there is no one to sign up;
 * - ERASED: the customer's personal data was erased; an erased customer is never linked again.
 */
export type UnresolvedCustomerReason = 'CREATION_DISABLED' | 'NO_EMAIL' | 'ERASED';

/** A provider event's customer could not be resolved to a user: final until the customer signs up. */
export class UnresolvedCustomerError extends DomainError {
  readonly code = 'CUSTOMER_UNRESOLVED';
  readonly retryable = false;

  constructor(
    readonly reason: UnresolvedCustomerReason,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, { ...details, reason }, options);
  }
}
