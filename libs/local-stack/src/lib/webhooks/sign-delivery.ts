import { hubspotSignedUri, WebhookProviderName, WebhookSample } from '@loyalty/domain';
import { createHash, createHmac } from 'node:crypto';
import Stripe from 'stripe';

export interface SigningOptions {
  /** The exact bytes that will be sent. */
  readonly body: string | Buffer;
  /** The tenant's secret for the provider (Stripe `whsec_…`, Shopify's app secret, ...). */
  readonly secret: string;
  /** The URL the delivery is sent to: HubSpot signs it. */
  readonly url: string;
  readonly method?: string;
  /** When it is signed; now by default. An old one makes a stale delivery. */
  readonly timestamp?: Date;
}

export interface SignedWebhook {
  readonly body: string;
  /** The provider's headers and its signature, names lower-cased. */
  readonly headers: Record<string, string>;
}

/**
 * The signature headers a provider would send with `body`: Stripe's through its own test header
 * generator, the others as their documentation says (HubSpot with v3 and, as it does for CRM
 * webhooks, the legacy v1 beside it).
 */
export function signDelivery(provider: WebhookProviderName, options: SigningOptions): Record<string, string> {
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const { secret } = options;
  const at = options.timestamp ?? new Date();
  const seconds = String(Math.floor(at.getTime() / 1000));
  switch (provider) {
    case 'stripe':
      return {
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload: body.toString('utf8'),
          secret,
          timestamp: Number(seconds),
        }),
      };
    case 'shopify':
      return { 'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64') };
    case 'hubspot': {
      const milliseconds = String(at.getTime());
      const method = (options.method ?? 'POST').toUpperCase();
      return {
        'x-hubspot-signature-v3': createHmac('sha256', secret)
          .update(`${method}${hubspotSignedUri(options.url)}`)
          .update(body)
          .update(milliseconds)
          .digest('base64'),
        'x-hubspot-request-timestamp': milliseconds,
        'x-hubspot-signature': createHash('sha256').update(secret).update(body).digest('hex'),
        'x-hubspot-signature-version': 'v1',
      };
    }
    case 'custom':
      return {
        'x-timestamp': seconds,
        'x-signature': `sha256=${createHmac('sha256', secret).update(`${seconds}.`).update(body).digest('hex')}`,
      };
  }
}

/** A sample ready to send: its body and every header, signature included. */
export function signWebhookSample(sample: WebhookSample, options: Omit<SigningOptions, 'body'>): SignedWebhook {
  return {
    body: sample.body,
    headers: { ...sample.headers, ...signDelivery(sample.provider, { ...options, body: sample.body }) },
  };
}
