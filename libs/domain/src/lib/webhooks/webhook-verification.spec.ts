import { customEventSample } from './samples/custom-samples';
import { hubspotSample } from './samples/hubspot-samples';
import { shopifyOrderSample } from './samples/shopify-samples';
import { stripePaymentSucceededSample } from './samples/stripe-samples';
import { WebhookSample } from './samples/webhook-sample';
import {
  connectionFor,
  OTHER_SECRET,
  providerNamed,
  providerSigners,
  RECEIVED_AT,
  representativeSamples,
  SECRET,
  secondsBefore,
  signedDelivery,
  withByteChanged,
  WEBHOOK_URL,
} from './webhook-delivery.fixture';
import { WebhookProviderName } from './webhook-provider';

const PROVIDERS: WebhookProviderName[] = ['stripe', 'shopify', 'hubspot', 'custom'];
/** Shopify signs no timestamp; the others allow 300 s (HubSpot: 5 minutes) either side. */
const TIMESTAMPED: WebhookProviderName[] = ['stripe', 'hubspot', 'custom'];

/** The header names a provider's signature uses. */
function signatureHeaders(provider: WebhookProviderName): string[] {
  const body = Buffer.from('{}');
  return Object.keys(providerSigners[provider]({ body, secret: SECRET, signedAt: RECEIVED_AT, url: WEBHOOK_URL, method: 'POST' }));
}

/**
 * Bodies near what each provider sends at most: Shopify an order of 1,100 lines (1 MB+), Stripe
 * an event padded past 1 MB (its objects are far smaller), HubSpot its documented batch of 100
 * notifications, custom an order of 1,000 items with SKUs and categories of the longest allowed.
 */
const LARGE_BODY_BYTES: Record<WebhookProviderName, number> = {
  stripe: 1_000_000,
  shopify: 1_000_000,
  hubspot: 20_000,
  custom: 250_000,
};

const largeSamples: Record<WebhookProviderName, () => WebhookSample> = {
  stripe: () => {
    const sample = stripePaymentSucceededSample({ amount: '150.00', currency: 'USD', orderId: 'order-1' });
    const event = JSON.parse(sample.body);
    event.data.object.description = 'x'.repeat(1_200_000);
    return { ...sample, body: JSON.stringify(event, null, 2) };
  },
  shopify: () =>
    shopifyOrderSample('orders/paid', {
      currency: 'USD',
      items: Array.from({ length: 1100 }, (_, index) => ({
        sku: `SKU-${index}`,
        title: `Product ${index} with a descriptive title`,
        price: '19.99',
        quantity: 1,
      })),
    }),
  hubspot: () =>
    hubspotSample(
      Array.from({ length: 100 }, (_, index) => ({
        subscriptionType: 'contact.propertyChange',
        objectId: index + 1,
        propertyName: 'email',
        propertyValue: `customer${index}@example.com`,
      })),
    ),
  custom: () =>
    customEventSample('order.completed', {
      orderId: 'order-1',
      userId: 'user_1',
      amount: 1000,
      currency: 'USD',
      items: Array.from({ length: 1000 }, (_, index) => ({
        sku: `${'S'.repeat(120)}${index}`.slice(-128),
        category: 'c'.repeat(128),
        price: 1,
        quantity: 1,
      })),
      channel: 'x'.repeat(64),
    }),
};

describe.each(PROVIDERS)('%s signature verification', (name) => {
  const provider = providerNamed(name);
  const sample = representativeSamples[name]();

  it('accepts a delivery signed as the provider signs it and hands over the parsed body', () => {
    // Prepare
    const delivery = signedDelivery(sample);

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.value.payload).toEqual(JSON.parse(sample.body));
      expect(verified.value.topic).toBe(sample.topic);
    }
  });

  it.each([
    ['the first byte', 0],
    ['a middle byte', 0.5],
    ['the last byte', 1],
  ])('refuses a body with %s changed', (_, where) => {
    // Prepare
    const delivery = signedDelivery(sample);
    const index = Math.min(delivery.body.length - 1, Math.floor(delivery.body.length * where));
    const tampered = { ...delivery, body: withByteChanged(delivery.body, index) };

    // Act
    const verified = provider.verify(tampered, connectionFor(name));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE', code: 'UNAUTHORIZED' } });
  });

  it('refuses a delivery signed with another secret', () => {
    // Prepare
    const delivery = signedDelivery(sample, { secret: OTHER_SECRET });

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });

  it('refuses a delivery without its signature headers', () => {
    // Prepare
    const dropped = Object.fromEntries(signatureHeaders(name).map((header) => [header, undefined]));
    const delivery = signedDelivery(sample, { headers: dropped });

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MISSING_SIGNATURE' } });
  });

  it.each([
    ['the second', [OTHER_SECRET, SECRET]],
    ['the first', [SECRET, OTHER_SECRET]],
  ])('accepts a signature by %s of two active secrets while they rotate', (_, secrets) => {
    // Prepare
    const delivery = signedDelivery(sample);

    // Act
    const verified = provider.verify(delivery, connectionFor(name, { secrets }));

    // Assess
    expect(verified.ok).toBe(true);
  });

  it('signs nothing with a blank secret', () => {
    // Prepare
    const delivery = signedDelivery(sample, { secret: '' });

    // Act
    const verified = provider.verify(delivery, connectionFor(name, { secrets: [''] }));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });

  it('answers MALFORMED for a signed body that is not JSON', () => {
    // Prepare
    const delivery = signedDelivery(sample, { body: Buffer.from('{"id": "evt_1", "type": ') });

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
  });

  it('verifies a body near the largest the provider sends', () => {
    // Prepare
    const large = largeSamples[name]();
    const delivery = signedDelivery(large);
    const tampered = { ...delivery, body: withByteChanged(delivery.body, delivery.body.length - 2) };

    // Act
    const verified = provider.verify(delivery, connectionFor(name));
    const refused = provider.verify(tampered, connectionFor(name));

    // Assess
    expect(delivery.body.length).toBeGreaterThan(LARGE_BODY_BYTES[name]);
    expect(verified.ok).toBe(true);
    expect(refused).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });
});

describe.each(TIMESTAMPED)('%s signature freshness', (name) => {
  const provider = providerNamed(name);
  const sample = representativeSamples[name]();

  it.each([
    ['300 s old', 300, true],
    ['301 s old', 301, false],
    ['300 s ahead', -300, true],
    ['301 s ahead', -301, false],
    ['a day old', 86_400, false],
  ])('judges a signature %s', (_, age, accepted) => {
    // Prepare
    const delivery = signedDelivery(sample, { signedAt: secondsBefore(RECEIVED_AT, age) });

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    if (accepted) expect(verified.ok).toBe(true);
    else expect(verified).toMatchObject({ ok: false, error: { reason: 'STALE_TIMESTAMP' } });
  });

  it('reports a forged signature as bad even when its timestamp is stale', () => {
    // Prepare
    const delivery = signedDelivery(sample, { secret: OTHER_SECRET, signedAt: secondsBefore(RECEIVED_AT, 3600) });

    // Act
    const verified = provider.verify(delivery, connectionFor(name));

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });
});
