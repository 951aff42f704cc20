import { CustomWebhookProvider } from './custom-webhook-provider';
import { HubSpotWebhookProvider } from './hubspot-webhook-provider';
import { ShopifyWebhookProvider } from './shopify-webhook-provider';
import { StripeWebhookProvider } from './stripe-webhook-provider';
import { WebhookProvider } from './webhook-provider';

/** Every provider a tenant can connect; a new provider is one line here. */
export const webhookProviders: readonly WebhookProvider[] = [
  new StripeWebhookProvider(),
  new ShopifyWebhookProvider(),
  new HubSpotWebhookProvider(),
  new CustomWebhookProvider(),
];

/** The provider of a `POST /webhooks/{provider}` path segment, if there is one by that name. */
export function webhookProviderNamed(name: string): WebhookProvider | undefined {
  return webhookProviders.find((provider) => provider.name === name);
}
