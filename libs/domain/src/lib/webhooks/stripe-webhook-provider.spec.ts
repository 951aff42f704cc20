import fc from 'fast-check';
import Stripe from 'stripe';
import { ValidationError } from '../shared/validation-error';
import { stripeChargeRefundedSample, stripePaymentSucceededSample } from './samples/stripe-samples';
import { WebhookSample } from './samples/webhook-sample';
import { STRIPE_TOLERANCE_SECONDS, StripeWebhookProvider } from './stripe-webhook-provider';
import {
  connectionFor,
  OTHER_SECRET,
  RECEIVED_AT,
  SECRET,
  secondsBefore,
  signedDelivery,
  TENANT,
  unixSeconds,
  withByteChanged,
} from './webhook-delivery.fixture';
import { RawDelivery } from './webhook-provider';

const provider = new StripeWebhookProvider();
const connection = connectionFor('stripe');

/** Stripe's own check, as `Stripe.webhooks.constructEvent` does it, at the delivery's arrival. */
function stripeAccepts(delivery: RawDelivery, secret = SECRET): boolean {
  try {
    Stripe.webhooks.constructEvent(
      delivery.body,
      delivery.headers['stripe-signature'] ?? '',
      secret,
      STRIPE_TOLERANCE_SECONDS,
      undefined,
      delivery.receivedAt.getTime(),
    );
    return true;
  } catch {
    return false;
  }
}

function header(body: string, secret: string, at: Date): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: unixSeconds(at) });
}

function verifyAndMap(sample: WebhookSample) {
  const verified = provider.verify(signedDelivery(sample), connection);
  if (!verified.ok) throw verified.error;
  return provider.map(verified.value, TENANT);
}

describe('Stripe signatures, against Stripe\'s own verification', () => {
  const sample = stripePaymentSucceededSample({ amount: '150.00', currency: 'usd', orderId: 'order-1' });
  const signed = signedDelivery(sample);
  const withHeader = (value: string | undefined): RawDelivery => ({ ...signed, headers: { ...signed.headers, 'stripe-signature': value } });
  const t = unixSeconds(RECEIVED_AT);
  const v1 = (secret: string) => header(sample.body, secret, RECEIVED_AT).split(',')[1];

  it.each<[string, () => RawDelivery, boolean]>([
    ['a header from the test header generator', () => signed, true],
    ['a header signed 300 s before arrival', () => signedDelivery(sample, { signedAt: secondsBefore(RECEIVED_AT, 300) }), true],
    ['one v1 per secret while the endpoint secret rolls', () => withHeader(`t=${t},${v1(OTHER_SECRET)},${v1(SECRET)}`), true],
    ['a v0 entry beside the v1', () => withHeader(`t=${t},v0=${'0'.repeat(64)},${v1(SECRET)}`), true],
    ['a body changed by one byte', () => ({ ...signed, body: withByteChanged(signed.body, 40) }), false],
    ['a header signed with another secret', () => signedDelivery(sample, { secret: OTHER_SECRET }), false],
    ['a header signed 301 s before arrival', () => signedDelivery(sample, { signedAt: secondsBefore(RECEIVED_AT, 301) }), false],
    ['no header', () => withHeader(undefined), false],
    ['an empty header', () => withHeader(''), false],
    ['a header without v1', () => withHeader(`t=${t},v0=${v1(SECRET).slice(3)}`), false],
    ['a header without t', () => withHeader(v1(SECRET)), false],
    ['a signature in upper case', () => withHeader(`t=${t},v1=${v1(SECRET).slice(3).toUpperCase()}`), false],
    ['the timestamp moved by a second', () => withHeader(`t=${t - 1},${v1(SECRET)}`), false],
  ])('agrees with Stripe on %s', (_, build, accepted) => {
    // Prepare
    const delivery = build();

    // Act
    const verified = provider.verify(delivery, connection);

    // Assess
    expect(stripeAccepts(delivery)).toBe(accepted);
    expect(verified.ok).toBe(accepted);
  });

  it('also refuses a signature from more than 300 s ahead, which Stripe itself lets through', () => {
    // Prepare
    const delivery = signedDelivery(sample, { signedAt: secondsBefore(RECEIVED_AT, -301) });

    // Act
    const verified = provider.verify(delivery, connection);

    // Assess
    expect(stripeAccepts(delivery)).toBe(true);
    expect(verified).toMatchObject({ ok: false, error: { reason: 'STALE_TIMESTAMP' } });
  });

  it('agrees with Stripe on any event, secret, age and single-byte tampering (apart from the future rule)', () => {
    const eventArb = fc.record({
      id: fc.stringMatching(/^evt_[A-Za-z0-9]{1,24}$/),
      object: fc.constant('event'),
      type: fc.constantFrom('payment_intent.succeeded', 'charge.refunded', 'customer.created'),
      data: fc.record({ object: fc.dictionary(fc.string(), fc.jsonValue()) }),
    });
    fc.assert(
      fc.property(
        eventArb,
        // Ages in seconds, the edges of the window often.
        fc.oneof(fc.integer({ min: -600, max: 900 }), fc.constantFrom(-301, -300, 0, 300, 301)),
        fc.boolean(),
        fc.option(fc.nat(), { nil: undefined }),
        (event, age, rightSecret, tamperAt) => {
          // Prepare
          const body = JSON.stringify(event, null, 2);
          const signedAt = secondsBefore(RECEIVED_AT, age);
          const delivery: RawDelivery = {
            method: 'POST',
            url: 'https://api.example.com/webhooks/stripe',
            headers: { 'stripe-signature': header(body, rightSecret ? SECRET : OTHER_SECRET, signedAt) },
            body: tamperAt === undefined ? Buffer.from(body) : withByteChanged(Buffer.from(body), tamperAt % body.length),
            receivedAt: RECEIVED_AT,
          };

          // Act
          const verified = provider.verify(delivery, connection);

          // Assess
          expect(verified.ok).toBe(stripeAccepts(delivery) && age >= -STRIPE_TOLERANCE_SECONDS);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the delivery by the event id and the topic by the event type', () => {
    // Prepare
    const delivery = signedDelivery(stripePaymentSucceededSample({ amount: '1.00', currency: 'USD', eventId: 'evt_1PqRsT' }));

    // Act
    const verified = provider.verify(delivery, connection);

    // Assess
    expect(verified).toMatchObject({ ok: true, value: { deliveryId: 'evt_1PqRsT', topic: 'payment_intent.succeeded' } });
  });

  it('answers MALFORMED for signed JSON that is not an event', () => {
    // Prepare
    const delivery = signedDelivery({ ...sample, body: '{"object": "event"}' });

    // Act
    const verified = provider.verify(delivery, connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
  });
});

describe('Stripe payment_intent.succeeded → order.completed', () => {
  it('maps the payment to the order, its amount, its customer and its channel', () => {
    // Prepare
    const sample = stripePaymentSucceededSample({
      eventId: 'evt_1Pay',
      paymentIntentId: 'pi_3Mtw',
      orderId: 'order-1001',
      userId: 'user_01HX',
      amount: '150.00',
      currency: 'usd',
      customerId: 'cus_NffrFeUfNV2Hib',
      email: 'ada@example.com',
      channel: 'web',
    });

    // Act
    const events = verifyAndMap(sample);

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type: 'order.completed',
          detail: {
            tenantId: TENANT,
            eventId: 'evt_1Pay',
            orderId: 'order-1001',
            amount: 150,
            currency: 'USD',
            userId: 'user_01HX',
            customer: { source: 'stripe', externalId: 'cus_NffrFeUfNV2Hib', email: 'ada@example.com' },
            channel: 'web',
          },
        },
      ],
    });
  });

  it.each([
    ['150.00', 'USD', 15000, 150],
    ['0.10', 'USD', 10, 0.1],
    ['1500', 'JPY', 1500, 1500],
    ['1.234', 'KWD', 1234, 1.234],
    // Stripe writes HUF with two decimals although ISO 4217 gives it none.
    ['1500.00', 'HUF', 150000, 1500],
  ])('reads %s %s (amount_received %d) as exactly %d', (amount, currency, minor, decimal) => {
    // Prepare
    const sample = stripePaymentSucceededSample({ amount, currency, orderId: 'order-1' });

    // Act
    const events = verifyAndMap(sample);

    // Assess
    expect(JSON.parse(sample.body).data.object.amount_received).toBe(minor);
    expect(events).toMatchObject({ ok: true, value: [{ detail: { amount: decimal, currency } }] });
  });

  it('takes the payment intent as the order when the metadata names none, and metadata.order_id when it does', () => {
    // Prepare
    const bare = stripePaymentSucceededSample({ amount: '5.00', currency: 'EUR', paymentIntentId: 'pi_3Bare' });
    const snake = JSON.parse(stripePaymentSucceededSample({ amount: '5.00', currency: 'EUR' }).body);
    snake.data.object.metadata = { order_id: 'A-77' };

    // Act
    const fromIntent = verifyAndMap(bare);
    const fromSnakeCase = verifyAndMap({ ...bare, body: JSON.stringify(snake) });

    // Assess
    expect(fromIntent).toMatchObject({ ok: true, value: [{ detail: { orderId: 'pi_3Bare', customer: { source: 'stripe' } } }] });
    expect(fromSnakeCase).toMatchObject({ ok: true, value: [{ detail: { orderId: 'A-77' } }] });
  });

  it('ignores a metadata userId that is no platform id, and takes metadata.email without a receipt email', () => {
    // Prepare
    const event = JSON.parse(stripePaymentSucceededSample({ amount: '5.00', currency: 'EUR', orderId: 'o-1' }).body);
    event.data.object.metadata = { orderId: 'o-1', userId: 'not a user id', email: 'grace@example.com' };

    // Act
    const events = verifyAndMap({ provider: 'stripe', topic: 'payment_intent.succeeded', body: JSON.stringify(event), headers: {} });

    // Assess
    expect(events.ok && events.value[0].detail).not.toHaveProperty('userId');
    expect(events).toMatchObject({ ok: true, value: [{ detail: { customer: { email: 'grace@example.com' } } }] });
  });

  it('refuses an order id that cannot be a key', () => {
    // Prepare
    const sample = stripePaymentSucceededSample({ amount: '5.00', currency: 'EUR', orderId: 'order #12' });

    // Act
    const events = verifyAndMap(sample);

    // Assess
    expect(events).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { fields: { 'data.object.metadata.orderId': expect.any(String) } } },
    });
  });
});

describe('Stripe charge.refunded → order.refunded', () => {
  const base = { eventId: 'evt_1Ref', orderId: 'order-1001', currency: 'usd', amount: '150.00' } as const;

  it('takes a partial refund from the growth of amount_refunded when the charge lists no refunds', () => {
    // Act
    const events = verifyAndMap(stripeChargeRefundedSample({ ...base, refundAmount: '50.00' }));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        {
          type: 'order.refunded',
          detail: { tenantId: TENANT, eventId: 'evt_1Ref', orderId: 'order-1001', refundId: 'evt_1Ref', amount: 50 },
        },
      ],
    });
  });

  it('takes only the new refund of a charge refunded before', () => {
    // Act
    const events = verifyAndMap(stripeChargeRefundedSample({ ...base, previouslyRefunded: '50.00', refundAmount: '25.10' }));

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { amount: 25.1 } }] });
  });

  it('takes the newest listed refund, by its id, when the charge lists them', () => {
    // Act
    const events = verifyAndMap(
      stripeChargeRefundedSample({ ...base, refundAmount: '0.10', refundId: 're_3Newest', listRefunds: true }),
    );

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { refundId: 're_3Newest', amount: 0.1 } }] });
  });

  it('maps a charge refunded in full to a full refund, without an amount', () => {
    // Act
    const events = verifyAndMap(stripeChargeRefundedSample({ ...base, previouslyRefunded: '100.00', refundAmount: '50.00' }));

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [{ type: 'order.refunded', detail: { tenantId: TENANT, eventId: 'evt_1Ref', orderId: 'order-1001', refundId: 'evt_1Ref' } }],
    });
  });

  it('names the order by its payment intent when the charge metadata names none', () => {
    // Act
    const events = verifyAndMap(
      stripeChargeRefundedSample({ ...base, orderId: undefined, paymentIntentId: 'pi_3Order', refundAmount: '1500', currency: 'JPY', amount: '3000' }),
    );

    // Assess
    expect(events).toMatchObject({ ok: true, value: [{ detail: { orderId: 'pi_3Order', amount: 1500 } }] });
  });

  it('refuses a partial refund whose amount cannot be told', () => {
    // Prepare
    const event = JSON.parse(stripeChargeRefundedSample({ ...base, refundAmount: '10.00' }).body);
    delete event.data.previous_attributes;

    // Act
    const events = verifyAndMap({ provider: 'stripe', topic: 'charge.refunded', body: JSON.stringify(event), headers: {} });

    // Assess
    expect(events).toMatchObject({
      ok: false,
      error: { details: { fields: { 'data.previous_attributes.amount_refunded': expect.any(String) } } },
    });
  });
});

describe('Stripe mapping of anything else', () => {
  it('maps event types the platform has no use for to no events', () => {
    // Prepare
    const delivery = { deliveryId: 'evt_1', topic: 'customer.subscription.updated', payload: { id: 'evt_1' } };

    // Act
    const events = provider.map(delivery, TENANT);

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });

  it('answers a VALIDATION_ERROR, never a TypeError, for any payload of a mapped type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('payment_intent.succeeded', 'charge.refunded'),
        fc.oneof(
          fc.anything(),
          fc.record({ id: fc.string(), data: fc.anything() }),
          fc.record({ id: fc.constant('evt_1'), data: fc.record({ object: fc.dictionary(fc.string(), fc.anything()) }) }),
        ),
        (topic, payload) => {
          // Act
          const events = provider.map({ deliveryId: 'evt_1', topic, payload }, TENANT);

          // Assess
          if (!events.ok) expect(events.error).toBeInstanceOf(ValidationError);
        },
      ),
    );
  });
});
