import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@loyalty/domain';

/** What the webhook intake reads from its environment (the webhooks function, and the API for replays). */
export interface WebhookIntakeConfig {
  readonly TABLE_NAME: string;
  /** Where accepted deliveries' events go, as EventBridge envelopes. */
  readonly EVENTS_QUEUE_URL: string;
  /** The raw log's bodies (S3; an S3-compatible server at AWS_ENDPOINT_URL_S3 locally). */
  readonly WEBHOOK_BUCKET: string;
  /** Days the raw log is kept and re-deliveries are recognized (the bucket's lifecycle matches it). */
  readonly WEBHOOK_RETENTION_DAYS: number;
}

const REQUIRED = ['TABLE_NAME', 'EVENTS_QUEUE_URL', 'WEBHOOK_BUCKET'] as const;

/** The settings, or an error naming every one that is missing or wrong. */
export function validateWebhookIntakeConfig(env: Record<string, unknown>): WebhookIntakeConfig {
  const setting = (name: string) =>
    typeof env[name] === 'string' && env[name] !== '' ? (env[name] as string) : undefined;
  const missing = REQUIRED.filter((name) => setting(name) === undefined);
  if (missing.length > 0) throw new Error(`Missing settings: ${missing.join(', ')}`);
  return {
    TABLE_NAME: setting('TABLE_NAME') as string,
    EVENTS_QUEUE_URL: setting('EVENTS_QUEUE_URL') as string,
    WEBHOOK_BUCKET: setting('WEBHOOK_BUCKET') as string,
    WEBHOOK_RETENTION_DAYS: retentionDays(setting('WEBHOOK_RETENTION_DAYS')),
  };
}

function retentionDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw new Error(`WEBHOOK_RETENTION_DAYS must be a whole number of days, ${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS}`);
  }
  return days;
}
