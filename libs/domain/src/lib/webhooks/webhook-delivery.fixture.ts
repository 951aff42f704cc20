import { Signature } from '@hubspot/api-client';
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { customEventSample } from './samples/custom-samples';
import { hubspotContactCreatedSample } from './samples/hubspot-samples';
import { shopifyOrderSample } from './samples/shopify-samples';
import { stripePaymentSucceededSample } from './samples/stripe-samples';
import { WebhookSample } from './samples/webhook-sample';
import { RawDelivery, WebhookConnection, WebhookProvider, WebhookProviderName } from './webhook-provider';
import { webhookProviderNamed } from './webhook-providers';

/** When the deliveries of the tests arrive. */
export const RECEIVED_AT = new Date('2026-03-02T10:00:00.000Z');
export const WEBHOOK_URL = 'https://api.example.com/webhooks/hubspot?tenant=t1';
export const SECRET = 'whsec_test_5f2b9c1e8d7a4b3c';
export const OTHER_SECRET = 'whsec_test_0a1b2c3d4e5f6a7b';
export const TENANT = 'tenant-1';

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
export const secondsBefore = (date: Date, seconds: number): Date => new Date(date.getTime() - seconds * 1000);

export interface SigningInput {
  readonly body: Buffer;
  readonly secret: string;
  readonly signedAt: Date;
  readonly url: string;
  readonly method: string;
}

/**
 * Each provider's signature made the provider's way, independently of the code under test:
 * Stripe's own test header generator, HubSpot's client library, node:crypto where the provider
 * documents a plain HMAC (Shopify, the custom scheme).
 */
export const providerSigners: Record<WebhookProviderName, (input: SigningInput) => Record<string, string>> = {
  stripe: ({ body, secret, signedAt }) => ({
    'stripe-signature': Stripe.webhooks.generateTestHeaderString({
      payload: body.toString('utf8'),
      secret,
      timestamp: unixSeconds(signedAt),
    }),
  }),
  shopify: ({ body, secret }) => ({
    'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
  }),
  hubspot: ({ body, secret, signedAt, url, method }) => ({
    'x-hubspot-signature-v3': Signature.getSignature(method, 'v3', {
      clientSecret: secret,
      requestBody: body.toString('utf8'),
      url,
      timestamp: signedAt.getTime(),
      signature: '',
    }),
    'x-hubspot-request-timestamp': String(signedAt.getTime()),
  }),
  custom: ({ body, secret, signedAt }) => ({
    'x-signature': `sha256=${createHmac('sha256', secret).update(`${unixSeconds(signedAt)}.`).update(body).digest('hex')}`,
    'x-timestamp': String(unixSeconds(signedAt)),
  }),
};

/** One realistic delivery per provider. */
export const representativeSamples: Record<WebhookProviderName, () => WebhookSample> = {
  stripe: () => stripePaymentSucceededSample({ amount: '150.00', currency: 'usd', orderId: 'order-1001', email: 'ada@example.com' }),
  shopify: () =>
    shopifyOrderSample('orders/paid', {
      currency: 'USD',
      items: [{ sku: 'MUG-1', price: '75.00', quantity: 2 }],
      customer: { id: 7391, email: 'ada@example.com' },
    }),
  hubspot: () => hubspotContactCreatedSample({ objectId: 512, email: 'ada@example.com' }),
  custom: () => customEventSample('order.completed', { orderId: 'order-1001', amount: 150, currency: 'USD', userId: 'user_1' }),
};

export interface DeliveryOptions {
  readonly body?: Buffer;
  readonly secret?: string;
  readonly signedAt?: Date;
  readonly receivedAt?: Date;
  readonly url?: string;
  readonly method?: string;
  /** Headers to add, or to drop when undefined. */
  readonly headers?: Record<string, string | undefined>;
}

/** A sample as it arrives: its headers, signed as the provider signs (over `body` when given). */
export function signedDelivery(sample: WebhookSample, options: DeliveryOptions = {}): RawDelivery {
  const body = options.body ?? Buffer.from(sample.body, 'utf8');
  const url = options.url ?? WEBHOOK_URL;
  const method = options.method ?? 'POST';
  const signature = providerSigners[sample.provider]({
    body,
    secret: options.secret ?? SECRET,
    signedAt: options.signedAt ?? options.receivedAt ?? RECEIVED_AT,
    url,
    method,
  });
  return {
    method,
    url,
    headers: { ...sample.headers, ...signature, ...options.headers },
    body,
    receivedAt: options.receivedAt ?? RECEIVED_AT,
  };
}

/** A provider of the registry, by name. */
export function providerNamed(name: WebhookProviderName): WebhookProvider {
  const provider = webhookProviderNamed(name);
  if (provider === undefined) throw new Error(`No webhook provider is named ${name}`);
  return provider;
}

export function connectionFor(provider: WebhookProviderName, extra: Partial<WebhookConnection> = {}): WebhookConnection {
  return { tenantId: TENANT, provider, secrets: [SECRET], ...extra };
}

/** The same bytes but one, changed by `delta` (1 to 255). */
export function withByteChanged(bytes: Buffer, index: number, delta = 1): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] + delta) % 256;
  return copy;
}
