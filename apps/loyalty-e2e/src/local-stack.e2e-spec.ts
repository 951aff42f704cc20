import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  createDocumentClient,
  DynamoDbAccountDirectory,
  DynamoDbLedgerHistoryReader,
  DynamoDbPointsAccountReader,
  ReconcileAccounts,
} from '@loyalty/domain';
import {
  buildOrderCompletedEvent,
  createLocalDynamoDbClient,
  createLocalSqsClient,
  invokeFunction,
  LOCAL_LEDGER_JOBS_FUNCTION_NAME,
  probeHttpStatus,
  signToken,
  startE2eLocalStack,
  waitUntil,
  type E2eLocalStack,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';

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
    const client = createDocumentClient(createLocalDynamoDbClient(stack.environment.AWS_ENDPOINT_URL_DYNAMODB));
    const tableName = stack.environment.TABLE_NAME;
    const report = await new ReconcileAccounts(
      new DynamoDbAccountDirectory(client, tableName),
      new DynamoDbPointsAccountReader(client, tableName),
      new DynamoDbLedgerHistoryReader(client, tableName),
    ).execute(tenantId);
    client.destroy();

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

  it('stops every server it started', async () => {
    // Prepare
    const { apiUrl, environment } = stack;

    // Act
    await stack.stop();

    // Assess
    expect(await probeHttpStatus(`${apiUrl}/health`)).toBeUndefined();
    expect(await probeHttpStatus(environment.AWS_ENDPOINT_URL_DYNAMODB)).toBeUndefined();
    expect(await probeHttpStatus(environment.AWS_ENDPOINT_URL_SQS)).toBeUndefined();
  });
});
