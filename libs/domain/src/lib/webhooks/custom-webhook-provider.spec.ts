import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ValidationError } from '../shared/validation-error';
import { CustomWebhookProvider } from './custom-webhook-provider';
import { INBOUND_EVENT_TYPES } from './platform-events';
import { customEventSample } from './samples/custom-samples';
import { WebhookSample } from './samples/webhook-sample';
import { connectionFor, RECEIVED_AT, SECRET, signedDelivery, TENANT, unixSeconds } from './webhook-delivery.fixture';

const provider = new CustomWebhookProvider();
const connection = connectionFor('custom');
const order = { orderId: 'order-1001', userId: 'user_1', amount: 150, currency: 'USD' };

function verifyAndMap(sample: WebhookSample) {
  const verified = provider.verify(signedDelivery(sample), connection);
  if (!verified.ok) throw verified.error;
  return provider.map(verified.value, TENANT);
}

describe('custom signatures', () => {
  const sample = customEventSample('order.completed', order, { id: 'evt-42' });

  it('checks the documented scheme: X-Signature is sha256= and the hex HMAC of "<X-Timestamp>.<body>"', () => {
    // Prepare
    const timestamp = String(unixSeconds(RECEIVED_AT));
    const hex = createHmac('sha256', SECRET).update(`${timestamp}.${sample.body}`).digest('hex');
    const delivery = {
      method: 'POST',
      url: 'https://api.example.com/webhooks/custom',
      headers: { 'x-timestamp': timestamp, 'x-signature': `sha256=${hex}` },
      body: Buffer.from(sample.body),
      receivedAt: RECEIVED_AT,
    };

    // Act
    const verified = provider.verify(delivery, connection);
    const bareHex = provider.verify({ ...delivery, headers: { ...delivery.headers, 'x-signature': hex } }, connection);

    // Assess
    expect(verified).toMatchObject({ ok: true, value: { deliveryId: 'evt-42', topic: 'order.completed' } });
    expect(bareHex).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });

  it('names the delivery by X-Delivery-Id when the producer sends one', () => {
    // Act
    const verified = provider.verify(signedDelivery(customEventSample('order.completed', order, { id: 'evt-42', deliveryId: 'dlv-7' })), connection);

    // Assess
    expect(verified).toMatchObject({ ok: true, value: { deliveryId: 'dlv-7' } });
  });

  it.each([
    ['no X-Timestamp', { 'x-timestamp': undefined }, 'MISSING_SIGNATURE'],
    ['an X-Timestamp that is not a number', { 'x-timestamp': '2026-03-02T10:00:00Z' }, 'BAD_SIGNATURE'],
  ])('refuses a delivery with %s', (_, headers, reason) => {
    // Act
    const verified = provider.verify(signedDelivery(sample, { headers }), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason } });
  });

  it.each([
    ['an id that cannot be a key', '{"id": "evt 42", "type": "order.completed", "detail": {}}'],
    ['no id', '{"type": "order.completed", "detail": {}}'],
    ['no type', '{"id": "evt-42", "detail": {}}'],
    ['a list', '[]'],
  ])('answers MALFORMED for a signed body with %s', (_, body) => {
    // Act
    const verified = provider.verify(signedDelivery(sample, { body: Buffer.from(body) }), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
  });
});

describe('custom events', () => {
  it('passes the event on with the connection\'s tenant and the body\'s id as its event id', () => {
    // Act
    const events = verifyAndMap(customEventSample('order.completed', { ...order, items: [{ sku: 'A', price: 150, quantity: 1 }] }, { id: 'evt-42' }));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type: 'order.completed',
          detail: { ...order, items: [{ sku: 'A', price: 150, quantity: 1 }], tenantId: TENANT, eventId: 'evt-42' },
        },
      ],
    });
  });

  it.each(INBOUND_EVENT_TYPES)('passes %s on', (type) => {
    // Prepare
    const sample = { ...customEventSample('order.cancelled', { orderId: 'o-1' }), topic: type };
    const body = JSON.stringify({ id: 'evt-1', type, detail: { orderId: 'o-1' } });

    // Act
    const events = verifyAndMap({ ...sample, body });

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ type, detail: { tenantId: TENANT, eventId: 'evt-1' } }] });
  });

  it('accepts a detail naming the connection\'s own tenant and refuses one naming another', () => {
    // Act
    const own = verifyAndMap(customEventSample('order.cancelled', { orderId: 'o-1', tenantId: TENANT }));
    const other = verifyAndMap(customEventSample('order.cancelled', { orderId: 'o-1', tenantId: 'tenant-2' }));

    // Assess
    expect(own.ok).toBe(true);
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { fields: { 'detail.tenantId': expect.any(String) } } } });
  });

  it('refuses a type the platform does not know rather than dropping it: the producer is ours to correct', () => {
    // Prepare
    const sample = customEventSample('order.completed', order);
    const body = JSON.stringify({ ...JSON.parse(sample.body), type: 'order.complete' });

    // Act
    const events = verifyAndMap({ ...sample, body });

    // Assess
    expect(events).toMatchObject({ ok: false, error: { details: { fields: { type: expect.stringContaining('order.completed') } } } });
  });

  it('answers a VALIDATION_ERROR, never a TypeError, for any payload', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ id: fc.anything(), type: fc.constantFrom(...INBOUND_EVENT_TYPES), detail: fc.anything() }),
        ),
        (payload) => {
          // Act
          const events = provider.map({ deliveryId: 'd-1', topic: 'order.completed', payload }, TENANT);

          // Assess
          if (!events.ok) expect(events.error).toBeInstanceOf(ValidationError);
        },
      ),
    );
  });
});
