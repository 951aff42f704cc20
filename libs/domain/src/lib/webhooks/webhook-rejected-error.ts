import { DomainError } from '../shared/domain-error';

export type WebhookRejectionReason =
  | 'MISSING_SIGNATURE'
  | 'BAD_SIGNATURE'
  | 'STALE_TIMESTAMP'
  | 'MALFORMED';

/** A delivery refused at the door: answered 401 (400 when MALFORMED), nothing written but the log. */
export class WebhookRejectedError extends DomainError {
  readonly code = 'UNAUTHORIZED';
  readonly retryable = false;

  constructor(
    readonly reason: WebhookRejectionReason,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, { ...details, reason }, options);
  }
}
