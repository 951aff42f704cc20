import type { WebhookProviderName } from './webhook-provider';

/** Where a delivery's raw body is stored: by tenant, provider and UTC day, then its log id. */
export function rawDeliveryKey(tenantId: string, provider: WebhookProviderName, receivedAt: Date, recordId: string): string {
  const day = receivedAt.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${tenantId}/${provider}/${day}/${recordId}`;
}
