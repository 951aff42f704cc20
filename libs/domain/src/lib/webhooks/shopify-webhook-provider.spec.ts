import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import fc from 'fast-check';
import { ValidationError } from '../shared/validation-error';
import {
  shopifyCustomerPrivacySample,
  shopifyCustomerSample,
  shopifyOrderSample,
  shopifyRefundSample,
  shopifyShopRedactSample,
} from './samples/shopify-samples';
import { WebhookSample } from './samples/webhook-sample';
import { ShopifyWebhookProvider } from './shopify-webhook-provider';
import { connectionFor, OTHER_SECRET, SECRET, signedDelivery, TENANT, withByteChanged } from './webhook-delivery.fixture';
import { RawDelivery } from './webhook-provider';

const provider = new ShopifyWebhookProvider();
const connection = connectionFor('shopify');

/** Shopify's own library, configured offline with the app secret, as the oracle. */
const shopify = shopifyApi({
  apiKey: 'loyalty-app',
  apiSecretKey: SECRET,
  hostName: 'api.example.com',
  apiVersion: ApiVersion.July25,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error, log: async () => undefined },
});

async function shopifyAccepts(delivery: RawDelivery): Promise<boolean> {
  const headers = Object.entries(delivery.headers).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const result = await shopify.webhooks.validate({
    rawBody: delivery.body.toString('utf8'),
    rawRequest: new Request(delivery.url, { method: 'POST', headers }),
  });
  return result.valid;
}

function verifyAndMap(sample: WebhookSample) {
  const verified = provider.verify(signedDelivery(sample), connection);
  if (!verified.ok) throw verified.error;
  return provider.map(verified.value, TENANT);
}

const order = {
  orderId: 5_910_468_231_201,
  orderNumber: 1001,
  currency: 'USD',
  items: [
    { sku: 'MUG-BLUE', title: 'Blue mug', price: '12.50', quantity: 2, productType: 'kitchen' },
    { title: 'Gift wrap', price: '0.10', quantity: 1, variantId: 441_029_384_751 },
  ],
  customer: { id: 7_391_004_217_001, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+14155550123' },
  sourceName: 'web',
  eventId: 'a3b0f0c2-2d33-4c1b-9d60-5f3a1e0b7c11',
};

describe('Shopify signatures, against Shopify\'s own library', () => {
  const sample = shopifyOrderSample('orders/paid', order);
  const signed = signedDelivery(sample);

  it.each<[string, () => RawDelivery, boolean]>([
    ['a delivery signed as Shopify documents', () => signed, true],
    ['a body changed by one byte', () => ({ ...signed, body: withByteChanged(signed.body, 100) }), false],
    ['another secret', () => signedDelivery(sample, { secret: OTHER_SECRET }), false],
    ['an HMAC in hex instead of base64', () => ({ ...signed, headers: { ...signed.headers, 'x-shopify-hmac-sha256': 'ab'.repeat(32) } }), false],
  ])('agrees with Shopify on %s', async (_, build, accepted) => {
    // Prepare
    const delivery = build();

    // Act
    const verified = provider.verify(delivery, connection);

    // Assess
    expect(await shopifyAccepts(delivery)).toBe(accepted);
    expect(verified.ok).toBe(accepted);
  });

  it('names the delivery by X-Shopify-Webhook-Id, the topic by X-Shopify-Topic and keeps X-Shopify-Event-Id', () => {
    // Act
    const verified = provider.verify(signedDelivery({ ...sample, headers: { ...sample.headers, 'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' } }), connection);

    // Assess
    expect(verified).toMatchObject({
      ok: true,
      value: { deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', topic: 'orders/paid', eventId: order.eventId },
    });
  });

  it.each(['x-shopify-webhook-id', 'x-shopify-topic'])('answers MALFORMED for a signed delivery without %s', (header) => {
    // Act
    const verified = provider.verify(signedDelivery(sample, { headers: { [header]: undefined } }), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
  });

  it('refuses a delivery of another shop when the tenant is tied to one (one app secret signs for every shop)', () => {
    // Prepare
    const tied = connectionFor('shopify', { shopDomain: 'LOYALTY-DEMO.myshopify.com' });
    const otherShop = signedDelivery(sample, { headers: { 'x-shopify-shop-domain': 'other-shop.myshopify.com' } });

    // Act
    const own = provider.verify(signed, tied);
    const foreign = provider.verify(otherShop, tied);

    // Assess
    expect(own.ok).toBe(true);
    expect(foreign).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });
});

describe('Shopify orders → order events', () => {
  it('maps orders/paid to order.completed with its lines, customer and channel', () => {
    // Act
    const events = verifyAndMap(shopifyOrderSample('orders/paid', order));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type: 'order.completed',
          detail: {
            tenantId: TENANT,
            eventId: order.eventId,
            orderId: '5910468231201',
            amount: 25.1,
            currency: 'USD',
            items: [
              { sku: 'MUG-BLUE', category: 'kitchen', price: 12.5, quantity: 2 },
              { sku: '441029384751', price: 0.1, quantity: 1 },
            ],
            customer: {
              source: 'shopify',
              externalId: '7391004217001',
              email: 'ada@example.com',
              phone: '+14155550123',
              name: 'Ada Lovelace',
            },
            channel: 'web',
          },
        },
      ],
    });
  });

  it.each([
    ['150.00', 'USD', 150],
    ['0.10', 'USD', 0.1],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1.234],
  ])('reads a total of %s %s as exactly %d', (price, currency, amount) => {
    // Act
    const events = verifyAndMap(shopifyOrderSample('orders/paid', { currency, items: [{ sku: 'A', price, quantity: 1 }] }));

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { amount, currency, items: [{ price: amount }] } }] });
  });

  it('takes the total after edits (current_total_price) over the original total', () => {
    // Prepare
    const payload = JSON.parse(shopifyOrderSample('orders/paid', order).body);
    payload.current_total_price = '12.60';

    // Act
    const events = verifyAndMap({ ...shopifyOrderSample('orders/paid', order), body: JSON.stringify(payload) });

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { amount: 12.6 } }] });
  });

  it('uses the webhook id as the event id when Shopify sends no X-Shopify-Event-Id', () => {
    // Prepare
    const sample = shopifyOrderSample('orders/paid', { ...order, webhookId: 'w-1' });
    const delivery = signedDelivery(sample, { headers: { 'x-shopify-event-id': undefined } });
    const verified = provider.verify(delivery, connection);
    if (!verified.ok) throw verified.error;

    // Act
    const events = provider.map(verified.value, TENANT);

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { eventId: 'w-1' } }] });
  });

  it('maps orders/create of a paid order like orders/paid, and of an unpaid one to nothing', () => {
    // Act
    const paid = verifyAndMap(shopifyOrderSample('orders/create', order));
    const pending = verifyAndMap(shopifyOrderSample('orders/create', { ...order, financialStatus: 'pending' }));

    // Assess
    expect(paid).toMatchObject({ ok: true, value: [{ type: 'order.completed', detail: { orderId: '5910468231201' } }] });
    expect(pending).toEqual({ ok: true, value: [] });
  });

  it('maps orders/cancelled to order.cancelled', () => {
    // Act
    const events = verifyAndMap(shopifyOrderSample('orders/cancelled', order));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [{ type: 'order.cancelled', detail: { tenantId: TENANT, eventId: order.eventId, orderId: '5910468231201' } }],
    });
  });

  it('maps refunds/create of lines to a refund of those items, by the SKU the order used', () => {
    // Act
    const events = verifyAndMap(
      shopifyRefundSample({
        orderId: order.orderId,
        refundId: 929_361_462,
        currency: 'USD',
        items: [{ ...order.items[0], quantity: 1 }, order.items[1]],
        eventId: 'e-refund',
      }),
    );

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type: 'order.refunded',
          detail: {
            tenantId: TENANT,
            eventId: 'e-refund',
            orderId: '5910468231201',
            refundId: '929361462',
            items: [
              { id: 'MUG-BLUE', quantity: 1 },
              { id: '441029384751', quantity: 1 },
            ],
          },
        },
      ],
    });
  });

  it('maps refunds/create without lines to a refund of the money its successful transactions gave back', () => {
    // Prepare
    const refund = JSON.parse(shopifyRefundSample({ orderId: order.orderId, currency: 'USD', amount: '10.05' }).body);
    refund.transactions.push(
      { ...refund.transactions[0], amount: '0.10' },
      { ...refund.transactions[0], amount: '99.00', status: 'failure' },
    );

    // Act
    const events = verifyAndMap({ ...shopifyRefundSample({ orderId: 1, currency: 'USD' }), body: JSON.stringify(refund) });

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ type: 'order.refunded', detail: { amount: 10.15 } }] });
    expect(events.ok && events.value[0].detail).not.toHaveProperty('items');
  });

  it('maps a refund that gives back neither lines nor money to nothing, never to a full refund', () => {
    // Act
    const events = verifyAndMap(shopifyRefundSample({ orderId: order.orderId, currency: 'USD', amount: '0.00' }));

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });
});

describe('Shopify customers and the mandatory privacy topics', () => {
  const customer = { id: 7_391_004_217_001, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '555-625-1199' };
  const reference = { source: 'shopify', externalId: '7391004217001', email: 'ada@example.com', name: 'Ada Lovelace' };

  it.each([
    ['customers/create', 'customer.created'],
    ['customers/update', 'customer.updated'],
  ] as const)('maps %s to %s, leaving out a phone not in E.164 form', (topic, type) => {
    // Act
    const events = verifyAndMap(shopifyCustomerSample(topic, { ...customer, eventId: 'e-1' }));

    // Assess
    expect(events).toEqual({ ok: true, value: [{ type, detail: { tenantId: TENANT, eventId: 'e-1', customer: reference } }] });
  });

  it.each([
    ['customers/data_request', 'customer.data_requested'],
    ['customers/redact', 'customer.redacted'],
  ] as const)('maps %s to %s', (topic, type) => {
    // Act
    const events = verifyAndMap(
      shopifyCustomerPrivacySample(topic, { customer: { id: customer.id, email: customer.email }, orderIds: [order.orderId], eventId: 'e-2' }),
    );

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type,
          detail: { tenantId: TENANT, eventId: 'e-2', customer: { source: 'shopify', externalId: '7391004217001', email: 'ada@example.com' } },
        },
      ],
    });
  });

  it('maps shop/redact to tenant.redacted for the Shopify customers', () => {
    // Act
    const events = verifyAndMap(shopifyShopRedactSample({ eventId: 'e-3' }));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [{ type: 'tenant.redacted', detail: { tenantId: TENANT, eventId: 'e-3', source: 'shopify' } }],
    });
  });

  it('refuses a privacy request that names no customer', () => {
    // Act
    const events = provider.map({ deliveryId: 'w-1', topic: 'customers/redact', payload: { shop_id: 1, customer: {} } }, TENANT);

    // Assess
    expect(events).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { fields: { customer: expect.any(String) } } } });
  });
});

describe('Shopify mapping of anything else', () => {
  it.each(['products/update', 'app/uninstalled', 'constructor', '__proto__'])('maps %s to no events', (topic) => {
    // Act
    const events = provider.map({ deliveryId: 'w-1', topic, payload: { id: 1 } }, TENANT);

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });

  it('refuses an order id beyond what a JSON number holds exactly', () => {
    // Prepare
    // As JSON.parse reads the 18-digit id of Shopify's documentation example: rounded.
    const payload = JSON.parse(shopifyOrderSample('orders/paid', order).body.replace('"id":5910468231201', '"id":820982911946154508'));

    // Act
    const events = provider.map({ deliveryId: 'w-1', topic: 'orders/paid', payload }, TENANT);

    // Assess
    expect(events).toMatchObject({ ok: false, error: { details: { fields: { id: expect.any(String) } } } });
  });

  it('answers a VALIDATION_ERROR, never a TypeError, for any payload of a mapped topic', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'orders/paid',
          'orders/create',
          'orders/cancelled',
          'refunds/create',
          'customers/create',
          'customers/update',
          'customers/data_request',
          'customers/redact',
          'shop/redact',
        ),
        fc.oneof(
          fc.anything(),
          fc.record({ id: fc.anything(), currency: fc.constantFrom('USD', 'usd', 7), line_items: fc.anything(), customer: fc.anything() }),
          fc.record({ order_id: fc.anything(), refund_line_items: fc.anything(), transactions: fc.array(fc.anything()) }),
        ),
        (topic, payload) => {
          // Act
          const events = provider.map({ deliveryId: 'w-1', topic, payload }, TENANT);

          // Assess
          if (!events.ok) expect(events.error).toBeInstanceOf(ValidationError);
        },
      ),
    );
  });
});
