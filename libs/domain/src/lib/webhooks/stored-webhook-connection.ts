import type { WebhookConnection } from './webhook-provider';

/** A tenant's connection to a provider as it is kept: the settings and when they were set. */
export interface StoredWebhookConnection extends WebhookConnection {
  readonly createdAt: string;
  readonly updatedAt: string;
}
