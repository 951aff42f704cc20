import {
  secretFingerprint,
  WEBHOOK_DELIVERY_VERDICTS,
  WEBHOOK_PROVIDER_NAMES,
  type StoredWebhookConnection,
  type WebhookDeliveryRecord,
  type WebhookDeliveryVerdict,
  type WebhookProviderName,
} from '@loyalty/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WebhookReceiptView {
  @ApiProperty({ example: 'dlv_01JDQ7ZK3Y6G5N8RV4XWQ2T9AB', description: "This delivery's record in the raw log" })
  id!: string;
  @ApiProperty({ example: 'evt_3PqZ8b2eZvKYlo2C0x1y2z3a', description: "The provider's id of the delivery (the dedupe key)" })
  deliveryId!: string;
  @ApiProperty({ description: 'The delivery id was accepted before: nothing was enqueued' })
  duplicate!: boolean;
  @ApiProperty({ description: 'Platform events enqueued' })
  events!: number;
}

export class SecretFingerprintView {
  @ApiProperty({ example: '3f9a1c2e', description: 'First 8 hex digits of the secret’s SHA-256; the secret itself is never shown' })
  fingerprint!: string;
}

/** A connection as owners see it: which secrets are active, never the secrets. */
export class WebhookConnectionView {
  @ApiProperty()
  tenantId!: string;
  @ApiProperty({ enum: WEBHOOK_PROVIDER_NAMES })
  provider!: WebhookProviderName;
  @ApiProperty({ type: [SecretFingerprintView] })
  secrets!: SecretFingerprintView[];
  @ApiPropertyOptional({ type: [String], enum: ['v1', 'v2', 'v3'] })
  signatureVersions?: readonly string[];
  @ApiPropertyOptional({ example: 'cafe-lumiere.myshopify.com' })
  shopDomain?: string;
  @ApiProperty({ example: '/webhooks/stripe/cafe-lumiere', description: 'Where the provider posts (also /webhooks/shopify for a shop domain)' })
  path!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class WebhookConnectionsView {
  @ApiProperty({ type: [WebhookConnectionView] })
  connections!: WebhookConnectionView[];
}

export class WebhookConnectionRemovedView {
  @ApiProperty({ enum: WEBHOOK_PROVIDER_NAMES })
  provider!: WebhookProviderName;
  @ApiProperty({ enum: [true] })
  deleted!: true;
}

export class WebhookDeliveryView {
  @ApiProperty({ example: 'dlv_01JDQ7ZK3Y6G5N8RV4XWQ2T9AB' })
  id!: string;
  @ApiProperty({ enum: WEBHOOK_PROVIDER_NAMES })
  provider!: WebhookProviderName;
  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_VERDICTS })
  verdict!: WebhookDeliveryVerdict;
  @ApiPropertyOptional({ enum: ['MISSING_SIGNATURE', 'BAD_SIGNATURE', 'STALE_TIMESTAMP', 'MALFORMED', 'UNKNOWN_CONNECTION', 'UNMAPPABLE'] })
  reason?: string;
  @ApiPropertyOptional()
  message?: string;
  @ApiPropertyOptional({ description: "The provider's delivery id, once the signature held" })
  deliveryId?: string;
  @ApiPropertyOptional({ example: 'orders/paid' })
  topic?: string;
  @ApiPropertyOptional({ description: 'Events an accepted delivery enqueued' })
  events?: number;
  @ApiPropertyOptional({ description: "A duplicate's first accepted delivery" })
  duplicateOf?: string;
  @ApiProperty({ description: 'Bytes of the raw body' })
  size!: number;
  @ApiProperty({ format: 'date-time', description: 'When the record and its body are removed (the retention)' })
  expiresAt!: string;
}

export class WebhookDeliveryPageView {
  @ApiProperty({ type: [WebhookDeliveryView], description: 'Newest first' })
  deliveries!: WebhookDeliveryView[];
  @ApiPropertyOptional({ description: 'Absent on the last page' })
  nextToken?: string;
}

export class WebhookReplayView {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  deliveryId!: string;
  @ApiProperty({ description: 'Events enqueued again (the processor applies each once)' })
  events!: number;
  @ApiProperty({ format: 'date-time' })
  replayedAt!: string;
}

export function connectionView(connection: StoredWebhookConnection): WebhookConnectionView {
  const { tenantId, provider, secrets, signatureVersions, shopDomain, createdAt, updatedAt } = connection;
  return {
    tenantId,
    provider,
    secrets: secrets.map((secret) => ({ fingerprint: secretFingerprint(secret) })),
    ...(signatureVersions && { signatureVersions }),
    ...(shopDomain && { shopDomain }),
    path: `/webhooks/${provider}/${tenantId}`,
    createdAt,
    updatedAt,
  };
}

/** A log record without its storage details (tenant, body key); the expiry as a date. */
export function deliveryView(record: WebhookDeliveryRecord): WebhookDeliveryView {
  const { id, provider, receivedAt, verdict, reason, message, deliveryId, topic, events, duplicateOf, size, expiresAt } = record;
  return {
    id,
    provider,
    receivedAt,
    verdict,
    ...(reason !== undefined && { reason }),
    ...(message !== undefined && { message }),
    ...(deliveryId !== undefined && { deliveryId }),
    ...(topic !== undefined && { topic }),
    ...(events !== undefined && { events }),
    ...(duplicateOf !== undefined && { duplicateOf }),
    size,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}
