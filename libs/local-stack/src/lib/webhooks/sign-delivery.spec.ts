import {
  customEventSample,
  hubspotContactCreatedSample,
  RawDelivery,
  shopifyOrderSample,
  stripePaymentSucceededSample,
  WebhookProviderName,
  webhookProviderNamed,
  WebhookSample,
} from '@loyalty/domain';
import { signWebhookSample } from './sign-delivery';

const SECRET = 'whsec_local_3c9a';
const URL = 'http://127.0.0.1:3000/webhooks/hubspot?tenant=demo&from=a%40b.com';
const NOW = new Date('2026-03-02T10:00:00.000Z');

const samples: Record<WebhookProviderName, () => WebhookSample> = {
  stripe: () => stripePaymentSucceededSample({ amount: '150.00', currency: 'USD', orderId: 'order-1' }),
  shopify: () => shopifyOrderSample('orders/paid', { currency: 'USD', items: [{ sku: 'A', price: '10.00', quantity: 1 }] }),
  hubspot: () => hubspotContactCreatedSample({ email: 'ada@example.com' }),
  custom: () => customEventSample('order.cancelled', { orderId: 'order-1' }),
};

describe.each(Object.keys(samples) as WebhookProviderName[])('signWebhookSample for %s', (name) => {
  const provider = webhookProviderNamed(name);
  const connection = { tenantId: 'demo', provider: name, secrets: [SECRET] };

  function arriving(signed: { body: string; headers: Record<string, string> }, receivedAt: Date): RawDelivery {
    return { method: 'POST', url: URL, headers: signed.headers, body: Buffer.from(signed.body), receivedAt };
  }

  it('gives a body and headers the platform verifies', () => {
    // Prepare
    const signed = signWebhookSample(samples[name](), { secret: SECRET, url: URL, timestamp: NOW });

    // Act
    const verified = provider?.verify(arriving(signed, NOW), connection);

    // Assess
    expect(verified?.ok).toBe(true);
  });

  it('signs with the secret given, so another secret is refused', () => {
    // Prepare
    const signed = signWebhookSample(samples[name](), { secret: 'whsec_other', url: URL, timestamp: NOW });

    // Act
    const verified = provider?.verify(arriving(signed, NOW), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });
});

describe('signWebhookSample for HubSpot\'s legacy signature', () => {
  it('also signs v1, for connections that accept it', () => {
    // Prepare
    const signed = signWebhookSample(samples.hubspot(), { secret: SECRET, url: URL, timestamp: NOW });
    const legacyOnly = { ...signed.headers, 'x-hubspot-signature-v3': undefined };
    const delivery = { method: 'POST', url: URL, headers: legacyOnly, body: Buffer.from(signed.body), receivedAt: NOW };

    // Act
    const verified = webhookProviderNamed('hubspot')?.verify(delivery, {
      tenantId: 'demo',
      provider: 'hubspot',
      secrets: [SECRET],
      signatureVersions: ['v1'],
    });

    // Assess
    expect(verified?.ok).toBe(true);
  });
});
