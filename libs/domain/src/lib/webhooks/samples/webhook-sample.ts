import { randomBytes, randomInt } from 'node:crypto';
import { WebhookProviderName } from '../webhook-provider';

/** A delivery as a provider would send it, before signing (see local-stack's signDelivery). */
export interface WebhookSample {
  readonly provider: WebhookProviderName;
  readonly topic: string;
  /** The body exactly as the provider sends it (Stripe indents its JSON, the others do not). */
  readonly body: string;
  /** The provider's headers other than the signature, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Stripe-like object id: `prefix_` and 24 letters or digits (evt_1Pq…, pi_3Mt…). */
export function sampleStripeId(prefix: string): string {
  const letters = [...randomBytes(24)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
  return `${prefix}_${letters}`;
}

/** A Shopify- or HubSpot-like numeric id of 13 digits (well within 2^53). */
export function sampleNumericId(): number {
  return 5_000_000_000_000 + randomInt(0, 2 ** 40);
}
