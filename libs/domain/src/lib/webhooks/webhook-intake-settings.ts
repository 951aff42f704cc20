/** How the intake keeps what it receives. */
export interface WebhookIntakeSettings {
  /**
   * Days the raw log (records and bodies) is kept, and deliveries are recognized as duplicates.
   * Providers retry for up to 3 days (Stripe), so it is never shorter than that.
   */
  readonly retentionDays: number;
  /**
   * A claim still `received` after this long belongs to an attempt that crashed between claiming
   * and sending: the next copy takes it over. Longer than the intake function's timeout.
   */
  readonly staleClaimAfterMs: number;
}

export const MIN_RETENTION_DAYS = 3;
export const MAX_RETENTION_DAYS = 3650;
export const DEFAULT_RETENTION_DAYS = 30;
/** The webhooks function times out after 10 s; an attempt this old is no longer running. */
export const DEFAULT_STALE_CLAIM_AFTER_MS = 15_000;

/** When a record or claim made at `at` lapses under the retention (epoch seconds, for DynamoDB's TTL). */
export function retentionExpiry(at: Date, retentionDays: number): number {
  return Math.floor(at.getTime() / 1000) + retentionDays * 24 * 60 * 60;
}
