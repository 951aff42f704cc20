import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  createDocumentClient,
  shopifyOrderSample,
  stripePaymentSucceededSample,
  type WebhookSample,
} from '@loyalty/domain';
import {
  buildOrderCompletedEvent,
  createLocalDynamoDbClient,
  createLocalSqsClient,
  invokeFunction,
  LOCAL_LEDGER_JOBS_FUNCTION_NAME,
  probeHttpStatus,
  reconcileTenant,
  signToken,
  signWebhookSample,
  startE2eLocalStack,
  waitUntil,
  type E2eLocalStack,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The whole product as `npm start` runs it (the bundles under serverless-offline, DynamoDB Local,
 * the SQS server and the event source), driven from outside: events go in through the queue with
 * the AWS SDK, points come out through the HTTP API.
 */
describe('the local stack end to end', () => {
  let stack: E2eLocalStack;
  let sqs: SQSClient;
  const tenantId = `e2e-${randomUUID()}`;
  const userId = 'user_e2e';

  beforeAll(async () => {
    // The e2e target builds the apps first; a 1 s visibility timeout makes redrive quick.
    stack = await startE2eLocalStack({ build: false, env: { LOCAL_VISIBILITY_TIMEOUT_SECONDS: '1' } });
    sqs = createLocalSqsClient(stack.environment.AWS_ENDPOINT_URL_SQS);
  }, 120_000);

  afterAll(async () => {
    sqs?.destroy();
    await stack?.stop();
  }, 30_000);

  const send = (body: string) =>
    sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.eventsQueueUrl, MessageBody: body }));

  async function api(method: string, path: string, body?: object, headers: Record<string, string> = {}) {
    const token = await signToken({ sub: 'owner_e2e', tenantId, role: 'owner' }, stack.environment.JWT_SECRET);
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body && JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } };
  }

  async function points() {
    const token = await signToken({ sub: userId, tenantId, role: 'customer' }, stack.environment.JWT_SECRET);
    const response = await fetch(`${stack.apiUrl}/points/${userId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as { data?: { balance?: number } } };
  }

  /** The tenant's accounts against their entries, in the stack's table. */
  async function reconciled(tenant: string) {
    const client = createDocumentClient(createLocalDynamoDbClient(stack.environment.AWS_ENDPOINT_URL_DYNAMODB));
    try {
      return await reconcileTenant(client, stack.environment.TABLE_NAME, tenant);
    } finally {
      client.destroy();
    }
  }

  /** Visible plus in-flight messages of a queue. */
  async function depth(queueUrl: string): Promise<number> {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  }

  const order = buildOrderCompletedEvent({ tenantId, userId, orderId: `order_${randomUUID()}`, amount: '150.00', currency: 'USD' });

  it('serves health and readiness through serverless-offline', async () => {
    // Act
    const [alive, ready] = await Promise.all([
      probeHttpStatus(`${stack.apiUrl}/health`, 10_000),
      probeHttpStatus(`${stack.apiUrl}/health/ready`, 10_000),
    ]);

    // Assess
    expect([alive, ready]).toEqual([200, 200]);
  });

  it('serves Swagger UI and the committed OpenAPI document from the files beside the bundle', async () => {
    // Act
    const [ui, document, script] = await Promise.all(
      ['/docs', '/docs/openapi.json', '/docs/swagger-ui-bundle.js'].map((path) => fetch(`${stack.apiUrl}${path}`)),
    );

    // Assess
    expect([ui.status, document.status, script.status]).toEqual([200, 200, 200]);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(await document.json()).toEqual(JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')));
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('reads JSON bodies in every charset its parser takes, and refuses other charsets and media types with 415 in the envelope', async () => {
    // Prepare: the bundle keeps only the encodings those charsets need (lambda-webpack.config.js).
    const token = await signToken({ sub: 'owner_e2e', tenantId, role: 'owner' }, stack.environment.JWT_SECRET);
    const estimate = JSON.stringify({ userId, amount: 150, currency: 'USD' });
    const post = async (contentType: string, body: Buffer) => {
      const response = await fetch(`${stack.apiUrl}/points/estimate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      });
      return { status: response.status, body: (await response.json()) as { error?: { code?: string; message?: string } } };
    };

    // Act
    const utf8 = await post('application/json; charset=utf-8', Buffer.from(estimate, 'utf8'));
    const utf16 = await post('application/json; charset=utf-16le', Buffer.from(estimate, 'utf16le'));
    const refused = await Promise.all([
      post('application/json; charset=iso-8859-1', Buffer.from(estimate, 'latin1')),
      post('application/json; charset=shift_jis', Buffer.from(estimate)),
      post('application/json; charset=utf-klingon', Buffer.from(estimate)),
      post('application/x-www-form-urlencoded; charset=iso-8859-1', Buffer.from(`userId=${userId}&amount=150&currency=USD`, 'latin1')),
      post('text/plain', Buffer.from(estimate)),
    ]);

    // Assess
    expect([utf8.status, utf16.status]).toEqual([200, 200]);
    expect(utf16.body).toEqual(utf8.body);
    for (const { status, body } of refused) {
      expect(status).toBe(415);
      expect(body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.any(String) } });
    }
  });

  it('shows a customer without entries a zero balance', async () => {
    // Act
    const { status, body } = await points();

    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, data: { balance: 0, pending: 0, lifetime: 0 } });
  });

  it('credits an order.completed event sent to the queue, visible through the API', async () => {
    // Act
    await send(JSON.stringify(order));
    await waitUntil(async () => (await points()).body.data?.balance === 15, {
      description: `the order to be credited (log: ${stack.logFile})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    });

    // Assess
    expect((await points()).body).toMatchObject({ success: true, data: { userId, balance: 15, lifetime: 15 } });
  });

  it('credits nothing more when the same order arrives again, twice at once', async () => {
    // Act
    await Promise.all([send(JSON.stringify(order)), send(JSON.stringify(order)), send(JSON.stringify({ ...order, id: randomUUID() }))]);
    await waitUntil(async () => (await depth(stack.queues.eventsQueueUrl)) === 0, {
      description: `the duplicates to be consumed (log: ${stack.logFile})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    });

    // Assess
    expect((await points()).body.data).toMatchObject({ userId, balance: 15, lifetime: 15 });
  });

  it('moves malformed and invalid messages to the dead-letter queue, not lost, not applied', async () => {
    // Prepare
    const malformed = `{"detail-type":"order.completed","detail":${randomUUID()}`;
    const invalid = JSON.stringify({ ...order, detail: { ...order.detail, orderId: `order_${randomUUID()}`, amount: -1 } });

    // Act
    await send(malformed);
    await send(invalid);
    const deadLetters: string[] = [];
    await waitUntil(
      async () => {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: stack.queues.deadLetterQueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }),
        );
        deadLetters.push(...Messages.map((message) => message.Body ?? ''));
        return deadLetters.includes(malformed) && deadLetters.includes(invalid);
      },
      { description: `both bad messages in the dead-letter queue (log: ${stack.logFile})`, timeoutMs: 45_000, intervalMs: 500 },
    );

    // Assess
    expect(await depth(stack.queues.eventsQueueUrl)).toBe(0);
    expect((await points()).body.data).toMatchObject({ userId, balance: 15, lifetime: 15 });
  });

  it('reverses a partial refund event once, redeems once per Idempotency-Key, runs the jobs, and reconciles', async () => {
    // Prepare
    const refund = JSON.stringify({
      'detail-type': 'order.refunded',
      source: 'ecommerce.platform',
      id: randomUUID(),
      time: new Date().toISOString(),
      detail: { tenantId, orderId: order.detail.orderId, eventId: 'refund_evt_1', amount: 50 },
    });
    const redeem = () => api('POST', `/points/${userId}/redeem`, { points: 4, reason: 'coffee' }, { 'idempotency-key': 'e2e-redeem-1' });

    // Act
    await Promise.all([send(refund), send(refund)]);
    await waitUntil(async () => (await depth(stack.queues.eventsQueueUrl)) === 0 && (await points()).body.data?.balance === 10, {
      description: `the refund to be applied (log: ${stack.logFile})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    const [first, again] = [await redeem(), await redeem()];
    const jobs = await invokeFunction(
      { lambdaEndpoint: stack.lambdaEndpoint, functionName: LOCAL_LEDGER_JOBS_FUNCTION_NAME },
      { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} },
      AbortSignal.timeout(30_000),
    );
    const report = await reconciled(tenantId);

    // Assess
    expect(first.body.data).toMatchObject({ balance: 6, duplicate: false });
    expect(again.body.data).toMatchObject({ balance: 6, duplicate: true });
    expect((await points()).body.data).toMatchObject({ balance: 6, lifetime: 10, redeemed: 4 });
    expect(jobs).toMatchObject({ statusCode: 200, functionError: undefined });
    expect(report).toEqual({ accounts: 1, drifts: [] });
  });

  it("walks a newcomer's path over HTTP: a customer, an order, points and history, export and erasure", async () => {
    // Prepare
    const email = `ada-${randomUUID()}@example.com`;

    // Act
    const signup = await api('POST', '/users', { email, name: 'Ada Lovelace' });
    const userId = String(signup.body.data?.['userId']);
    const order = await api('POST', '/orders', { orderId: `order_${randomUUID()}`, userId, amount: 150, currency: 'USD' });
    // The signup bonus comes from user.created, through the queue and the processor.
    await waitUntil(async () => (await api('GET', `/points/${userId}`)).body.data?.['balance'] === 115, {
      description: `the signup bonus to be credited (log: ${stack.logFile})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    const history = await api('GET', `/points/${userId}/history`);
    const exported = await api('GET', `/users/${userId}/export`);
    const erased = await api('DELETE', `/users/${userId}`);
    const afterErasure = await api('GET', `/points/${userId}`);
    const again = await api('POST', '/users', { email, name: 'Ada Again' });

    // Assess
    expect(signup.status).toBe(201);
    expect(signup.body.data).toMatchObject({ email, welcomePoints: 100 });
    expect(order.status).toBe(201);
    expect(order.body.data).toMatchObject({ pointsEarned: 15 });
    const types = (history.body.data?.['transactions'] as { type: string; points: number }[]).map((entry) => `${entry.type}:${entry.points}`);
    expect(types.sort()).toEqual(['earned:100', 'earned:15']);
    expect(exported.body.data).toMatchObject({ profile: { userId, email } });
    expect(exported.body.data?.['ledgerEntries']).toHaveLength(2);
    expect(erased.body.data).toMatchObject({ userId, status: 'erased' });
    expect(afterErasure.body.data).toMatchObject({ balance: 115 });
    expect(again.status).toBe(201);
  });

  describe('webhooks, posted as the providers post them', () => {
    const secret = 'whsec_e2e_0123456789abcdef01234567';
    const shopDomain = `${tenantId.toLowerCase()}.myshopify.com`;

    /** Signs a sample as its provider does (now, or `signedAt`), and posts it where the provider posts it. */
    async function deliver(sample: WebhookSample, { signWith = secret, signedAt = new Date() } = {}) {
      const path = sample.provider === 'shopify' ? '/webhooks/shopify' : `/webhooks/${sample.provider}/${tenantId}`;
      const { body, headers } = signWebhookSample(sample, { secret: signWith, url: `${stack.apiUrl}${path}`, timestamp: signedAt });
      const response = await fetch(`${stack.apiUrl}${path}`, { method: 'POST', headers, body });
      return { status: response.status, body: (await response.json()) as { data?: { duplicate?: boolean } } };
    }

    /** The customer a provider's email became, with their points. */
    async function customer(email: string) {
      const { status, body } = await api('GET', `/users?email=${encodeURIComponent(email)}`);
      return { status, user: body.data as { userId: string; points: { balance: number; lifetime: number } } | undefined };
    }

    async function historyOf(userId: string) {
      const history = await api('GET', `/points/${userId}/history`);
      return (history.body.data?.['transactions'] as { type: string; points: number }[]).map((entry) => `${entry.type}:${entry.points}`).sort();
    }

    async function creditedOnce(email: string) {
      // The signup bonus (user.created) and the order, each through the queue and the processor.
      await waitUntil(async () => (await customer(email)).user?.points.balance === 115, {
        description: `${email} to be credited (log: ${stack.logFile})`,
        timeoutMs: 45_000,
        intervalMs: 250,
      });
      await waitUntil(async () => (await depth(stack.queues.eventsQueueUrl)) === 0, { description: 'the queue to drain', timeoutMs: 30_000, intervalMs: 250 });
      const { user } = await customer(email);
      return { user, history: await historyOf(user?.userId ?? '') };
    }

    beforeAll(async () => {
      const admin = await signToken({ sub: 'admin_e2e', tenantId: 'platform', role: 'admin' }, stack.environment.JWT_SECRET);
      await fetch(`${stack.apiUrl}/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId, name: 'E2E Shop' }),
      });
      for (const [provider, settings] of [
        ['stripe', { secrets: [secret] }],
        ['shopify', { secrets: [secret], shopDomain }],
      ] as const) {
        expect((await api('PUT', `/tenants/${tenantId}/webhooks/${provider}`, settings)).status).toBe(200);
      }
    });

    it('credits a Stripe-signed payment_intent.succeeded once however often it is re-delivered', async () => {
      // Prepare
      const email = `stripe-${randomUUID()}@example.com`;
      const payment = stripePaymentSucceededSample({ amount: '150.00', currency: 'usd', orderId: `order_${randomUUID()}`, email });

      // Act
      const first = await deliver(payment);
      const again = [await deliver(payment), ...(await Promise.all([deliver(payment), deliver(payment), deliver(payment)]))];
      const { history } = await creditedOnce(email);

      // Assess
      expect([first.status, ...again.map((response) => response.status)]).toEqual([200, 200, 200, 200, 200]);
      expect(first.body.data).toMatchObject({ duplicate: false, events: 1 });
      expect(again.every((response) => response.body.data?.duplicate === true)).toBe(true);
      expect(history).toEqual(['earned:100', 'earned:15']);
    });

    it('credits a Shopify-signed orders/paid once however often it is re-delivered, routed by the shop', async () => {
      // Prepare
      const email = `shopify-${randomUUID()}@example.com`;
      const order = shopifyOrderSample('orders/paid', {
        shopDomain,
        currency: 'USD',
        items: [{ sku: 'MUG-1', price: '75.00', quantity: 2 }],
        customer: { id: Date.now(), email },
      });

      // Act
      const responses = [await deliver(order), ...(await Promise.all([deliver(order), deliver(order)]))];
      const { history } = await creditedOnce(email);

      // Assess
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(responses.filter((response) => response.body.data?.duplicate === false)).toHaveLength(1);
      expect(history).toEqual(['earned:100', 'earned:15']);
    });

    it('refuses a forged and a stale delivery, and they change nothing', async () => {
      // Prepare
      const email = `refused-${randomUUID()}@example.com`;
      const payment = () => stripePaymentSucceededSample({ amount: '150.00', currency: 'usd', orderId: `order_${randomUUID()}`, email });

      // Act
      const forged = await deliver(payment(), { signWith: 'whsec_forged_0123456789abcdef01234' });
      const stale = await deliver(payment(), { signedAt: new Date(Date.now() - 301_000) });
      const logged = await api('GET', '/webhooks/deliveries?verdict=rejected&provider=stripe');

      // Assess
      expect([forged.status, stale.status]).toEqual([401, 401]);
      expect(await depth(stack.queues.eventsQueueUrl)).toBe(0);
      expect((await customer(email)).status).toBe(404);
      expect((logged.body.data?.['deliveries'] as { reason: string }[]).map((entry) => entry.reason).sort()).toEqual(['BAD_SIGNATURE', 'STALE_TIMESTAMP']);
    });

    it('applies the same order once when it comes by webhook and by EventBridge, and reconciles to zero drift', async () => {
      // Prepare
      const email = `both-${randomUUID()}@example.com`;
      const orderId = `order_${randomUUID()}`;
      await deliver(stripePaymentSucceededSample({ amount: '150.00', currency: 'usd', orderId, email }));
      const { user } = await creditedOnce(email);

      // Act
      await send(JSON.stringify(buildOrderCompletedEvent({ tenantId, userId: user?.userId ?? '', orderId, amount: '150.00', currency: 'USD' })));
      await waitUntil(async () => (await depth(stack.queues.eventsQueueUrl)) === 0, { description: 'the EventBridge copy to be consumed', timeoutMs: 30_000, intervalMs: 250 });
      const report = await reconciled(tenantId);

      // Assess
      expect(await historyOf(user?.userId ?? '')).toEqual(['earned:100', 'earned:15']);
      expect(report.drifts).toEqual([]);
    });
  });

  it('stops every server it started', async () => {
    // Prepare
    const { apiUrl, environment } = stack;

    // Act
    await stack.stop();

    // Assess
    expect(await probeHttpStatus(`${apiUrl}/health`)).toBeUndefined();
    expect(await probeHttpStatus(environment.AWS_ENDPOINT_URL_DYNAMODB)).toBeUndefined();
    expect(await probeHttpStatus(environment.AWS_ENDPOINT_URL_SQS)).toBeUndefined();
    expect(await probeHttpStatus(environment.AWS_ENDPOINT_URL_S3)).toBeUndefined();
  });
});
