/**
 * Base of every error the domain raises on purpose. `code` is stable and machine-readable; the API
 * maps it to an HTTP status and the event processor decides from `retryable` whether a message is
 * worth another delivery.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
