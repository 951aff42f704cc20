import type { WebhookProviderName } from './webhook-provider';
import { webhookProviders } from './webhook-providers';

/** Every provider a tenant can connect, as `POST /webhooks/{provider}` names it. */
export const WEBHOOK_PROVIDER_NAMES: readonly WebhookProviderName[] = webhookProviders.map((provider) => provider.name);

export function isWebhookProviderName(value: unknown): value is WebhookProviderName {
  return WEBHOOK_PROVIDER_NAMES.includes(value as WebhookProviderName);
}
