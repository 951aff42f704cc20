import type { Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { InboundEvent } from './platform-events';
import type { WebhookRejectedError } from './webhook-rejected-error';

export type WebhookProviderName = 'stripe' | 'shopify' | 'hubspot' | 'custom';

/** A delivery exactly as it arrived, before anything parsed it. */
export interface RawDelivery {
  readonly method: string;
  /** The full URL the provider called (HubSpot v3 signs it), e.g. https://api.example.com/webhooks/hubspot/t1. */
  readonly url: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw bytes: signatures are computed over them, never over re-serialized JSON. */
  readonly body: Buffer;
  readonly receivedAt: Date;
}

/** A tenant's link to one provider: its signing secrets and what the tenant allows. */
export interface WebhookConnection {
  readonly tenantId: string;
  readonly provider: WebhookProviderName;
  /** One or two active secrets (two while rotating); a signature by any of them is valid. */
  readonly secrets: readonly string[];
  /** HubSpot only: the signature versions accepted (v3 by default). */
  readonly signatureVersions?: readonly ('v1' | 'v2' | 'v3')[];
  /** Shopify only: the shop (`example.myshopify.com`) this tenant is, to route deliveries by shop. */
  readonly shopDomain?: string;
}

/** A delivery whose signature holds: its provider-wide id, topic and parsed body. */
export interface VerifiedDelivery {
  /** Unique per delivery at the provider (Stripe event id, X-Shopify-Webhook-Id, ...): the dedupe key. */
  readonly deliveryId: string;
  /** e.g. `payment_intent.succeeded`, `orders/paid`, `contact.creation`. */
  readonly topic: string;
  readonly payload: unknown;
  /**
   * The provider's id of the event, when a header carries it apart from the body (Shopify's
   * `X-Shopify-Event-Id`: one event delivered to two subscriptions has two webhook ids but one
   * event id). Keep it with the payload: map() uses it as the events' `eventId`, else deliveryId.
   */
  readonly eventId?: string;
}

/**
 * One provider: checks the signature over the raw bytes (constant time, before any parsing),
 * then translates the payload into the platform's events. Adding a provider is one implementation
 * of this interface and its tests.
 */
export interface WebhookProvider {
  readonly name: WebhookProviderName;
  verify(delivery: RawDelivery, connection: WebhookConnection): Result<VerifiedDelivery, WebhookRejectedError>;
  /** Topics the platform has no use for map to no events (acknowledged, nothing enqueued). */
  map(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError>;
}
