import { SQSClient } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createS3Client, customEventSample, keys, S3RawDeliveryStore, stripePaymentSucceededSample } from '@loyalty/domain';
import { signDelivery, signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import serverlessExpress from '@vendia/serverless-express';
import type { Context, Handler } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createWebhookTestApp, TestEventsQueue } from '../testing/webhook-intake.fixture';
import { MAX_WEBHOOK_BODY_BYTES } from './raw-webhook-body.middleware';

// Runs against the DynamoDB Local, SQS server and s3rver that the integration set-up starts.
const jwtSecret = process.env['JWT_SECRET'] ?? '';
const secret = 'whsec_test_0123456789abcdef0123';
const sqs = new SQSClient({});
const documents = createDocumentClient();
const bodies = new S3RawDeliveryStore(createS3Client(), process.env['WEBHOOK_BUCKET'] ?? '');

describe('POST /webhooks/{provider}/{tenantId} against the local servers', () => {
  let app: NestExpressApplication;
  let queue: TestEventsQueue;
  const tenantId = `t-${randomUUID()}`;
  const bearer = (role: string, tenant = tenantId) => signToken({ sub: `${role}_1`, tenantId: tenant, role }, jwtSecret);
  const api = () => request(app.getHttpServer());

  interface Delivery {
    body?: string;
    /** X-Delivery-Id: the custom scheme's delivery id (else the body's id). */
    id?: string;
    signedAt?: Date;
    signWith?: string;
    path?: string;
    headers?: Record<string, string>;
  }
  /** A custom producer's order.completed, its event id `evt-<orderId>`. */
  const orderBody = (orderId = `order_${randomUUID()}`) =>
    customEventSample(
      'order.completed',
      { orderId, amount: 150, currency: 'USD', customer: { source: 'custom', email: 'ada@example.com' } },
      { id: `evt-${orderId}` },
    ).body;

  /** Posts a delivery signed as the custom scheme signs (X-Signature, X-Timestamp). */
  function deliver({ body = orderBody(), id = `wh_${randomUUID()}`, signedAt = new Date(), signWith = secret, path = `/webhooks/custom/${tenantId}`, headers = {} }: Delivery = {}) {
    const signature = signDelivery('custom', { body, secret: signWith, url: `http://127.0.0.1${path}`, timestamp: signedAt });
    return api().post(path).set('content-type', 'application/json').set('x-delivery-id', id).set(signature).set(headers).send(body);
  }

  async function logged(verdict?: string) {
    const response = await api()
      .get(`/webhooks/deliveries?limit=100${verdict ? `&verdict=${verdict}` : ''}`)
      .auth(await bearer('owner'), { type: 'bearer' });
    expect(response.status).toBe(200);
    return response.body.data.deliveries as Record<string, unknown>[];
  }

  beforeAll(async () => {
    queue = await TestEventsQueue.create(sqs);
    app = await createWebhookTestApp(sqs, queue);
    const admin = await bearer('admin', 'platform');
    await api().post('/tenants').auth(admin, { type: 'bearer' }).send({ tenantId, name: 'Webhook Shop' }).expect(201);
    for (const provider of ['custom', 'stripe']) {
      await api()
        .put(`/tenants/${tenantId}/webhooks/${provider}`)
        .auth(await bearer('owner'), { type: 'bearer' })
        .send({ secrets: [secret] })
        .expect(200);
    }
  });

  afterEach(async () => {
    await queue.drain(); // what a test left on the queue is not the next one's
  });

  afterAll(async () => {
    await app.close();
    await queue.delete();
  });

  describe('a valid delivery', () => {
    it('is answered 200 once its event is on the queue, as an EventBridge envelope', async () => {
      // Prepare
      const body = orderBody('order_valid_1');

      // Act
      const response = await deliver({ body, id: 'wh_valid_1' });
      const messages = await queue.drain();

      // Assess
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ success: true, data: { id: expect.stringMatching(/^dlv_/), deliveryId: 'wh_valid_1', duplicate: false, events: 1 } });
      expect(messages).toHaveLength(1);
      expect(JSON.parse(messages[0]?.Body ?? '')).toEqual({
        'detail-type': 'order.completed',
        source: 'webhooks.custom',
        id: 'evt-order_valid_1',
        time: expect.any(String),
        detail: { tenantId, eventId: 'evt-order_valid_1', orderId: 'order_valid_1', amount: 150, currency: 'USD', customer: { source: 'custom', email: 'ada@example.com' } },
      });
      expect(messages[0]?.MessageAttributes?.['eventType']?.StringValue).toBe('order.completed');
    });

    it('keeps the raw body byte for byte with the headers its signature needs, and logs it accepted', async () => {
      // Prepare
      const body = JSON.stringify(
        { id: `evt-${randomUUID()}`, type: 'order.completed', detail: { orderId: `order_${randomUUID()}`, amount: 9.5, currency: 'EUR', userId: 'user_1', channel: 'café ☕ \u0000 "quoted"' } },
        null,
        3,
      );

      // Act
      const response = await deliver({ body, id: 'wh_bytes_1', headers: { authorization: 'Bearer not-kept', 'x-unrelated': 'not-kept' } });
      const [record] = (await logged('accepted')).filter((entry) => entry['id'] === response.body.data.id);
      const stored = await bodies.get(`${tenantId}/custom/${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/${response.body.data.id}`);

      // Assess
      expect(record).toMatchObject({ provider: 'custom', verdict: 'accepted', deliveryId: 'wh_bytes_1', topic: 'order.completed', events: 1, size: Buffer.byteLength(body) });
      expect(stored?.body.equals(Buffer.from(body))).toBe(true);
      expect(stored?.headers).toEqual({
        'content-type': 'application/json',
        'x-delivery-id': 'wh_bytes_1',
        'x-signature': expect.stringMatching(/^sha256=/),
        'x-timestamp': expect.any(String),
      });
      expect(stored?.url).toMatch(new RegExp(`/webhooks/custom/${tenantId}$`));
    });

    it('acknowledges a topic the platform has no use for, enqueuing nothing', async () => {
      // Prepare
      const payment = stripePaymentSucceededSample({ amount: '15.00', currency: 'usd', email: 'ada@example.com' });
      const body = payment.body.replace('"payment_intent.succeeded"', '"invoice.paid"');
      const signature = signDelivery('stripe', { body, secret, url: 'http://127.0.0.1/' });

      // Act
      const response = await api().post(`/webhooks/stripe/${tenantId}`).set(payment.headers).set(signature).send(body);

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ duplicate: false, events: 0 });
      expect(await queue.drain()).toEqual([]);
    });
  });

  describe('duplicates', () => {
    it('answers a re-delivery 200 and enqueues nothing, logging it as a duplicate of the first', async () => {
      // Prepare
      const body = orderBody();
      const first = await deliver({ body, id: 'wh_dup_1' });

      // Act
      const again = await deliver({ body, id: 'wh_dup_1' });
      const messages = await queue.drain();

      // Assess
      expect(again.status).toBe(200);
      expect(again.body.data).toEqual({ id: expect.stringMatching(/^dlv_/), deliveryId: 'wh_dup_1', duplicate: true, events: 0 });
      expect(messages).toHaveLength(1);
      expect((await logged('duplicate')).find((entry) => entry['id'] === again.body.data.id)).toMatchObject({ duplicateOf: first.body.data.id });
    });

    it('sends one message for 20 copies of a delivery arriving at once', async () => {
      // Prepare
      const body = orderBody();

      // Act
      const responses = await Promise.all(Array.from({ length: 20 }, () => deliver({ body, id: 'wh_burst_1' })));
      const messages = await queue.drain();

      // Assess
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(responses.filter((response) => response.body.data.duplicate === false)).toHaveLength(1);
      expect(messages).toHaveLength(1);
    });

    it('takes over a claim left `received` by an attempt that crashed before sending', async () => {
      // Prepare
      await documents.send(
        new PutCommand({
          TableName: process.env['TABLE_NAME'],
          Item: { ...keys.webhookClaim(tenantId, 'custom', 'wh_crashed_1'), status: 'received', recordId: 'dlv_crashed', claimedAt: Date.now() - 60_000, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
        }),
      );

      // Act
      const response = await deliver({ id: 'wh_crashed_1' });
      const again = await deliver({ id: 'wh_crashed_1' });

      // Assess
      expect(response.body.data).toMatchObject({ duplicate: false, events: 1 });
      expect(again.body.data).toMatchObject({ duplicate: true });
      expect(await queue.drain()).toHaveLength(1);
    });

    it('leaves a claim in flight to its attempt: a copy arriving meanwhile sends nothing', async () => {
      // Prepare
      await documents.send(
        new PutCommand({
          TableName: process.env['TABLE_NAME'],
          Item: { ...keys.webhookClaim(tenantId, 'custom', 'wh_in_flight_1'), status: 'received', recordId: 'dlv_in_flight', claimedAt: Date.now(), expiresAt: Math.floor(Date.now() / 1000) + 3600 },
        }),
      );

      // Act
      const response = await deliver({ id: 'wh_in_flight_1' });

      // Assess
      expect(response.body.data).toMatchObject({ duplicate: true, events: 0 });
      expect(await queue.drain()).toEqual([]);
    });
  });

  describe('refused deliveries', () => {
    it.each([
      ['a tampered body', 401, 'BAD_SIGNATURE', (): Delivery => ({ headers: { 'x-signature': signDelivery('custom', { body: orderBody('order_other'), secret, url: '' })['x-signature'] ?? '' } })],
      ['a wrong secret', 401, 'BAD_SIGNATURE', (): Delivery => ({ signWith: 'whsec_wrong_0123456789abcdef0123' })],
      ['a timestamp 301 s old', 401, 'STALE_TIMESTAMP', (): Delivery => ({ signedAt: new Date(Date.now() - 301_000) })],
      ['no signature', 401, 'MISSING_SIGNATURE', (): Delivery => ({ headers: { 'x-signature': '' } })],
      ['a body without an event id', 400, 'MALFORMED', (): Delivery => ({ body: JSON.stringify({ type: 'order.completed', detail: {} }), headers: { 'x-delivery-id': '' } })],
    ] as const)('refuses %s with %i %s, enqueues nothing and logs the rejection', async (_case, status, reason, delivery) => {
      // Act
      const response = await deliver(delivery());

      // Assess
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({
        success: false,
        error: { code: status === 401 ? 'UNAUTHORIZED' : 'VALIDATION_ERROR', details: { reason } },
        requestId: expect.any(String),
      });
      expect(await queue.drain()).toEqual([]);
      expect((await logged('rejected')).some((entry) => entry['reason'] === reason)).toBe(true);
    });

    it.each([
      ['an unknown provider', '/webhooks/acme/TENANT', 'NOT_FOUND', 404],
      ['a tenant without this connection', '/webhooks/shopify/TENANT', 'NOT_FOUND', 404],
      ['an unknown tenant', '/webhooks/custom/t-nobody', 'NOT_FOUND', 404],
      ['a provider without a tenant (only Shopify routes by shop)', '/webhooks/custom', 'NOT_FOUND', 404],
      ['a tenant id that is no identifier', '/webhooks/custom/a%23b', 'VALIDATION_ERROR', 400],
    ])('answers %s with %s, enqueuing nothing', async (_case, path, code, status) => {
      // Act
      const response = await deliver({ path: path.replace('TENANT', tenantId) });

      // Assess
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ success: false, error: { code } });
      expect(await queue.drain()).toEqual([]);
    });

    it("logs a delivery for a connection the tenant does not have under the path's tenant", async () => {
      // Act
      const response = await deliver({ path: `/webhooks/shopify/${tenantId}` });

      // Assess
      expect(response.status).toBe(404);
      expect(await logged('rejected')).toEqual(expect.arrayContaining([expect.objectContaining({ provider: 'shopify', reason: 'UNKNOWN_CONNECTION' })]));
    });

    it('refuses a signed payload the adapter cannot map with 400, logged as UNMAPPABLE', async () => {
      // Act
      const response = await deliver({ body: customEventSample('order.exploded' as 'order.completed', { orderId: 'o1', amount: 1, currency: 'USD' }).body });

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(await queue.drain()).toEqual([]);
      expect((await logged('rejected')).some((entry) => entry['reason'] === 'UNMAPPABLE')).toBe(true);
    });
  });

  describe('body size', () => {
    it(`accepts a body just under ${MAX_WEBHOOK_BODY_BYTES} bytes and refuses one over it with 413 in the envelope`, async () => {
      // Prepare
      // The padding is outside the event's detail: the event itself stays small enough for SQS.
      const padded = (size: number) => {
        const base = orderBody();
        return `${base.slice(0, -1)},"padding":"${'x'.repeat(size - base.length - 14)}"}`;
      };
      const near = padded(MAX_WEBHOOK_BODY_BYTES - 16);
      const over = padded(MAX_WEBHOOK_BODY_BYTES + 16);

      // Act
      const accepted = await deliver({ body: near });
      const refused = await deliver({ body: over });

      // Assess
      expect(accepted.status).toBe(200);
      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', message: `The request body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes` } });
      expect(await queue.drain()).toHaveLength(1);
    });

    it('keeps the 64 KB limit of the other routes', async () => {
      // Act
      const response = await api()
        .post('/users')
        .auth(await bearer('owner'), { type: 'bearer' })
        .send({ email: 'big@example.com', name: 'x'.repeat(70 * 1024) });

      // Assess
      expect(response.status).toBe(413);
    });
  });

  describe('through API Gateway and serverless-express', () => {
    it('verifies a delivery whose body came base64-encoded, over its exact bytes', async () => {
      // Prepare
      const handle = serverlessExpress({ app: app.getHttpAdapter().getInstance() }) as Handler;
      const body = Buffer.from(orderBody().replace('ada', 'ådå'), 'utf8');
      const path = `/webhooks/custom/${tenantId}`;
      const signature = signDelivery('custom', { body, secret, url: `https://api.example.com${path}` });
      const event = {
        version: '2.0',
        routeKey: 'POST /webhooks/{provider}/{tenantId}',
        rawPath: path,
        rawQueryString: '',
        headers: {
          'content-type': 'application/json',
          host: 'api.example.com',
          'x-forwarded-proto': 'https',
          'x-delivery-id': `wh_${randomUUID()}`,
          ...signature,
        },
        requestContext: { http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9' }, requestId: 'r1', stage: '$default', timeEpoch: Date.now() },
        body: body.toString('base64'),
        isBase64Encoded: true,
      };

      // Act
      const response = await handle(event, { awsRequestId: randomUUID() } as Context, () => undefined);

      // Assess
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body).data).toMatchObject({ duplicate: false, events: 1 });
      expect(await queue.drain()).toHaveLength(1);
    });
  });

  describe('replay', () => {
    it('enqueues an accepted delivery again from its stored body, for owners', async () => {
      // Prepare
      const received = await deliver({ body: orderBody('order_replayed_1') });
      await queue.drain();

      // Act
      const response = await api().post(`/webhooks/deliveries/${received.body.data.id}/replay`).auth(await bearer('owner'), { type: 'bearer' });
      const messages = await queue.drain();
      const audit = await api().get('/audit?limit=1').auth(await bearer('owner'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ id: received.body.data.id, deliveryId: received.body.data.deliveryId, events: 1, replayedAt: expect.any(String) });
      expect(messages.map((message) => JSON.parse(message.Body ?? '').id)).toEqual(['evt-order_replayed_1']);
      expect(audit.body.data.records[0]).toMatchObject({ action: { method: 'POST', route: '/webhooks/deliveries/:id/replay', resourceId: received.body.data.id } });
    });

    it('replays only accepted deliveries', async () => {
      // Prepare
      await deliver({ signWith: 'whsec_wrong_0123456789abcdef0123' });
      const [rejected] = await logged('rejected');

      // Act
      const response = await api().post(`/webhooks/deliveries/${rejected?.['id']}/replay`).auth(await bearer('owner'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(400);
      expect(await queue.drain()).toEqual([]);
    });

    it.each([
      ['staff', () => bearer('staff'), 403],
      ['a customer', () => bearer('customer'), 403],
      ["another tenant's owner", () => bearer('owner', `t-${randomUUID()}`), 404],
    ])('refuses %s', async (_case, token, status) => {
      // Prepare
      const received = await deliver();
      await queue.drain();

      // Act
      const response = await api().post(`/webhooks/deliveries/${received.body.data.id}/replay`).auth(await token(), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(status);
      expect(await queue.drain()).toEqual([]);
    });
  });

  describe('GET /webhooks/deliveries', () => {
    it('lists the log newest first, by verdict and provider, page by page, to staff too', async () => {
      // Prepare
      const staff = await bearer('staff');
      await deliver();
      await deliver();

      // Act
      const first = await api().get('/webhooks/deliveries?limit=1&verdict=accepted&provider=custom').auth(staff, { type: 'bearer' });
      const second = await api().get(`/webhooks/deliveries?limit=1&verdict=accepted&provider=custom&nextToken=${first.body.data.nextToken}`).auth(staff, { type: 'bearer' });
      const otherFilter = await api().get(`/webhooks/deliveries?limit=1&verdict=rejected&nextToken=${first.body.data.nextToken}`).auth(staff, { type: 'bearer' });

      // Assess
      expect(first.status).toBe(200);
      expect(first.body.data.deliveries).toEqual([expect.objectContaining({ verdict: 'accepted', provider: 'custom', expiresAt: expect.any(String) })]);
      expect(first.body.data.deliveries[0]).not.toHaveProperty('bodyKey');
      expect(second.body.data.deliveries[0].id < first.body.data.deliveries[0].id).toBe(true);
      expect(otherFilter.status).toBe(400);
    });

    it('is not for customers', async () => {
      // Act
      const response = await api().get('/webhooks/deliveries').auth(await bearer('customer'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(403);
    });
  });
});
