import type { WebhookProvider } from './webhook-provider';

/** Finds the provider a delivery's path names; undefined for a name no provider has. */
export type WebhookProviderRegistry = (name: string) => WebhookProvider | undefined;
