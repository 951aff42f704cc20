import type { DomainError } from '@loyalty/domain';

/**
 * A message that can never be processed (unparsable, invalid, unsupported, conflicting). It is
 * reported as a batch item failure like any other, so SQS redrives it to the dead-letter queue
 * after the queue's maxReceiveCount instead of dropping it; the reason is logged on every receive.
 */
export class EventRejectedError extends Error {
  readonly code = 'EVENT_REJECTED';

  constructor(
    readonly reason: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'EventRejectedError';
  }

  /** A refusal of the domain's: its message and details become the reason logged with the message. */
  static from(error: DomainError): EventRejectedError {
    return new EventRejectedError(error.message, { code: error.code, ...error.details }, { cause: error });
  }
}
