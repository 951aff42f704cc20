import { webhookProviderNamed, type WebhookProviderName } from '@loyalty/domain';
import { signDelivery } from './sign-delivery';
import { WEBHOOK_SAMPLES, webhookSampleFor } from './webhook-sample-for';

const SECRET = 'whsec_local_tool_test_0123456789';
const URL_CALLED = 'http://127.0.0.1:3000/webhooks/any/demo';
const request = { amount: '150.00', currency: 'USD', email: 'ada@example.com', order: '1001', shopDomain: 'demo.myshopify.com' };
const topics = Object.entries(WEBHOOK_SAMPLES).flatMap(([provider, builders]) =>
  Object.keys(builders).map((topic) => [provider as WebhookProviderName, topic] as const),
);

describe('webhookSampleFor', () => {
  it.each(topics)('builds a %s %s delivery its adapter verifies and maps to events', (provider, topic) => {
    // Prepare
    const sample = webhookSampleFor(provider, topic, request);
    const headers = { ...sample.headers, ...signDelivery(provider, { body: sample.body, secret: SECRET, url: URL_CALLED }) };
    const adapter = webhookProviderNamed(provider);
    const connection = { tenantId: 'demo', provider, secrets: [SECRET], ...(provider === 'shopify' && { shopDomain: request.shopDomain }) };

    // Act
    const verified = adapter?.verify({ method: 'POST', url: URL_CALLED, headers, body: Buffer.from(sample.body), receivedAt: new Date() }, connection);
    const mapped = verified?.ok ? adapter?.map(verified.value, 'demo') : undefined;

    // Assess
    expect(verified?.ok).toBe(true);
    expect(mapped?.ok && mapped.value.length).toBeGreaterThan(0);
  });

  it('names the topics there are when asked for another', () => {
    // Act
    const unknown = () => webhookSampleFor('stripe', 'invoice.paid', request);

    // Assess
    expect(unknown).toThrow('No stripe sample for "invoice.paid"; one of: payment_intent.succeeded, charge.refunded');
  });
});
