import { CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateTenant,
  createDocumentClient,
  DynamoDbEventOutbox,
  DynamoDbPointsAccountReader,
  dynamoDbReconciler,
  DynamoDbTenantRepository,
  DynamoDbUserRepository,
  EventDelivery,
  RegisterUser,
  shopifyCustomerPrivacySample,
  shopifyOrderSample,
  ShopifyWebhookProvider,
  SqsEventPublisher,
  WebhookSample,
} from '@loyalty/domain';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { handler } from '../main';
import { sqsRecord } from '../testing/sqs-record.fixture';

/*
 * Provider events through the real processor handler, against the DynamoDB Local and SQS server the
 * integration set-up starts. This file's processor publishes to queues of its own (created below
 * before its first invocation), so that what it publishes is read here and nowhere else.
 */
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const sqs = new SQSClient({});
const users = new DynamoDbUserRepository(client, tableName);
const accounts = new DynamoDbPointsAccountReader(client, tableName);
const context = { awsRequestId: 'test', functionName: 'processor' } as Context;
const queues = { events: '', notifications: '' };

const newTenant = () => `t-${randomUUID()}`;
const invoke = (...records: SQSRecord[]) => handler({ Records: records } as SQSEvent, context);
const failed = async (...records: SQSRecord[]) => (await invoke(...records)).batchItemFailures.map((failure) => failure.itemIdentifier);

/** An EventBridge envelope of the platform's inbound events. */
const event = (type: string, detail: Record<string, unknown>) =>
  sqsRecord({ 'detail-type': type, source: 'ecommerce.platform', id: randomUUID(), time: new Date().toISOString(), detail: { eventId: randomUUID(), ...detail } });
const orderCompleted = (tenantId: string, orderId: string, by: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  event('order.completed', { tenantId, orderId, amount: 150, currency: 'USD', ...by, ...extra });

/** Reads this file's queue until `wanted` messages match (or a few seconds pass), deleting what it reads. */
async function receive(queueUrl: string, matches: (body: Record<string, unknown>) => boolean, wanted = 1): Promise<Message[]> {
  const found: Message[] = [];
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && found.length < wanted) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const message of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      if (matches(JSON.parse(message.Body ?? '{}'))) found.push(message);
    }
  }
  return found;
}
const ofTenant = (tenantId: string) => (body: Record<string, unknown>) => (body['detail'] as { tenantId?: string })?.tenantId === tenantId;

/** What the processor logged while `act` ran, as parsed JSON lines. */
async function logsOf(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => void lines.push(String(chunk));
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (capture(chunk), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (capture(chunk), true));
  try {
    await act();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
}

async function signUp(tenantId: string, email: string, phone?: string) {
  const delivery = new EventDelivery(new SqsEventPublisher(sqs, queues.events), new DynamoDbEventOutbox(client, tableName));
  const signup = await new RegisterUser(users, { welcomePoints: async () => 100 }, delivery).execute({
    tenantId,
    request: { email, name: 'Someone', ...(phone && { phone }) },
  });
  if (!signup.ok) throw signup.error;
  return signup.value.user;
}

async function reconciled(tenantId: string) {
  return dynamoDbReconciler(client, tableName).execute(tenantId);
}

beforeAll(async () => {
  for (const name of ['events', 'notifications'] as const) {
    ({ QueueUrl: queues[name] = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `provider-${name}-${randomUUID()}` })));
  }
  process.env['EVENTS_QUEUE_URL'] = queues.events;
  process.env['NOTIFICATIONS_QUEUE_URL'] = queues.notifications;
});

afterAll(() => Promise.all(Object.values(queues).map((QueueUrl) => sqs.send(new DeleteQueueCommand({ QueueUrl })))));

describe('provider events through the processor handler', () => {
  it('signs up the customer an order names by email once, credits the order, and the signup bonus follows', async () => {
    // Prepare
    const tenantId = newTenant();
    const order = orderCompleted(tenantId, 'order_1', { customer: { source: 'shopify', externalId: '7391', email: 'Ada@Example.com', name: 'Ada Lovelace' } });

    // Act
    const first = await failed(order, order);
    const again = await failed(order);
    const [signupEvent, ...moreSignups] = await receive(queues.events, ofTenant(tenantId), 2);
    const bonus = await failed(sqsRecord(signupEvent.Body));

    // Assess
    expect([first, again, bonus, moreSignups]).toEqual([[], [], [], []]);
    const ada = await users.findByExternalId(tenantId, 'shopify', '7391');
    expect(ada).toMatchObject({ status: 'active', email: 'ada@example.com', name: 'Ada Lovelace', externalIds: { shopify: '7391' } });
    expect(JSON.parse(signupEvent.Body ?? '')).toMatchObject({ 'detail-type': 'user.created', detail: { tenantId, userId: ada?.userId } });
    expect(await accounts.getAccount(tenantId, ada?.userId ?? '')).toMatchObject({ available: 115, lifetimeEarned: 115, version: 2 });
  });

  it('credits an order once when the platform sends it by user id and a provider by its customer reference', async () => {
    // Prepare
    const tenantId = newTenant();
    const grace = await signUp(tenantId, 'grace@example.com');
    const byPlatform = orderCompleted(tenantId, 'order_7', { userId: grace.userId }, { items: [{ sku: 'tv', price: 150, quantity: 1 }], channel: 'web' });
    const byProvider = orderCompleted(tenantId, 'order_7', { customer: { source: 'shopify', externalId: '8000', email: 'grace@example.com' } }, { items: [{ sku: 'TV-55', category: 'electronics', price: 150, quantity: 1 }] });
    const otherAmount = orderCompleted(tenantId, 'order_7', { customer: { source: 'shopify', externalId: '8000' } }, { amount: 99 });

    // Act
    const applied = await failed(byPlatform, byProvider);
    const conflicting = await failed(otherAmount);

    // Assess
    expect(applied).toEqual([]);
    expect(conflicting).toEqual([otherAmount.messageId]);
    expect(await accounts.getAccount(tenantId, grace.userId)).toMatchObject({ available: 15, version: 1 });
    expect(await users.findByExternalId(tenantId, 'shopify', '8000')).toMatchObject({ userId: grace.userId });
  });

  it('signs up one user for 10 concurrent orders of the same new customer, and credits each order', async () => {
    // Prepare
    const tenantId = newTenant();
    const customer = { source: 'shopify', externalId: '5151', email: 'linus@example.com' };
    const orders = Array.from({ length: 10 }, (_, index) => orderCompleted(tenantId, `order_${index}`, { customer }));

    // Act
    const failures = await Promise.all(orders.map((order) => failed(order)));

    // Assess
    expect(failures.flat()).toEqual([]);
    const linked = await users.listLinkedTo(tenantId, 'shopify', { limit: 10 });
    expect(linked.items).toHaveLength(1);
    expect(await users.findByEmail(tenantId, 'linus@example.com')).toMatchObject({ userId: linked.items[0] });
    expect(await accounts.getAccount(tenantId, linked.items[0])).toMatchObject({ available: 150, version: 10 });
    expect(await receive(queues.events, ofTenant(tenantId), 2)).toHaveLength(1);
  });

  it('refuses an order of an unknown customer, with the reason, while the business creates none; redriven after signup it credits', async () => {
    // Prepare
    const tenantId = newTenant();
    const created = await new CreateTenant(new DynamoDbTenantRepository(client, tableName)).execute({
      tenantId,
      name: 'Café',
      program: { createCustomersFromEvents: false },
    });
    if (!created.ok) throw created.error;
    const order = orderCompleted(tenantId, 'order_1', { customer: { source: 'shopify', externalId: '42', email: 'joan@example.com' } });

    // Act
    const logs = await logsOf(async () => expect(await failed(order)).toEqual([order.messageId]));
    const joan = await signUp(tenantId, 'joan@example.com');
    const redriven = await failed(order);

    // Assess
    expect(logs).toContainEqual(
      expect.objectContaining({
        message: 'Event rejected; it goes to the dead-letter queue after the redrive limit',
        messageId: order.messageId,
        reason: 'Unknown customer, and the business does not create customers from provider events',
        details: expect.objectContaining({ code: 'CUSTOMER_UNRESOLVED', reason: 'CREATION_DISABLED' }),
      }),
    );
    expect(redriven).toEqual([]);
    expect(await accounts.getAccount(tenantId, joan.userId)).toMatchObject({ available: 15 });
    expect(await users.findByExternalId(tenantId, 'shopify', '42')).toMatchObject({ userId: joan.userId });
  });

  it("creates and updates a customer from customer events, idempotently, and refuses another customer's email", async () => {
    // Prepare
    const tenantId = newTenant();
    const ada = await signUp(tenantId, 'ada@example.com');
    const customer = { source: 'hubspot', externalId: '51', email: 'grace@example.com', name: 'Grace' };
    const updated = event('customer.updated', { tenantId, customer: { ...customer, name: 'Grace Hopper', phone: '+14155550199' }, birthday: '12-09' });
    const takingAdasEmail = event('customer.updated', { tenantId, customer: { ...customer, email: 'ada@example.com' } });

    // Act
    const failures = [
      await failed(event('customer.created', { tenantId, customer })),
      await failed(updated, updated),
      await failed(takingAdasEmail),
    ];

    // Assess
    expect(failures).toEqual([[], [], [takingAdasEmail.messageId]]);
    expect(await users.findByExternalId(tenantId, 'hubspot', '51')).toMatchObject({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      phone: '+14155550199',
      birthday: '12-09',
      version: 2,
    });
    expect(await users.findByEmail(tenantId, 'ada@example.com')).toMatchObject({ userId: ada.userId });
  });

  it('keeps one provider id with one user when two events sign it up at once under two emails', async () => {
    // Prepare
    const tenantId = newTenant();
    const created = (email: string) => event('customer.created', { tenantId, customer: { source: 'shopify', externalId: '777', email } });

    // Act
    const failures = await Promise.all([failed(created('one@example.com')), failed(created('two@example.com'))]);

    // Assess
    expect(failures.flat()).toEqual([]);
    const linked = await users.listLinkedTo(tenantId, 'shopify', { limit: 10 });
    expect(linked.items).toHaveLength(1);
    const holder = await users.findByExternalId(tenantId, 'shopify', '777');
    expect(holder?.status === 'active' && ['one@example.com', 'two@example.com']).toContain(holder?.status === 'active' && holder.email);
  });

  it('skips a customer event the business will not create a customer for, rather than dead-lettering it', async () => {
    // Prepare
    const tenantId = newTenant();
    await new CreateTenant(new DynamoDbTenantRepository(client, tableName)).execute({ tenantId, name: 'Café', program: { createCustomersFromEvents: false } });

    // Act
    const failures = await failed(event('customer.created', { tenantId, customer: { source: 'shopify', externalId: '1', email: 'x@example.com' } }));

    // Assess
    expect(failures).toEqual([]);
    expect(await users.findByEmail(tenantId, 'x@example.com')).toBeUndefined();
  });

  it("answers customer.data_requested with the customer's export on the notifications queue", async () => {
    // Prepare
    const tenantId = newTenant();
    const order = orderCompleted(tenantId, 'order_1', { customer: { source: 'shopify', externalId: '7391', email: 'ada@example.com' } });
    await invoke(order);
    const request = event('customer.data_requested', { tenantId, eventId: 'req_1', customer: { source: 'shopify', externalId: '7391' } });

    // Act
    const failures = await failed(request);
    const [answer] = await receive(queues.notifications, ofTenant(tenantId));

    // Assess
    expect(failures).toEqual([]);
    const ada = await users.findByExternalId(tenantId, 'shopify', '7391');
    expect(JSON.parse(answer?.Body ?? '{}')).toMatchObject({
      'detail-type': 'customer.data_exported',
      id: 'customer.data_exported#req_1',
      detail: {
        tenantId,
        requestEventId: 'req_1',
        userId: ada?.userId,
        data: {
          profile: { email: 'ada@example.com' },
          pointsAccount: { available: 15 },
          ledgerEntries: [expect.objectContaining({ type: 'earned', points: 15 })],
          uniquenessRecords: expect.arrayContaining([{ field: 'externalId', source: 'shopify', value: '7391', userId: ada?.userId, createdAt: expect.any(String) }]),
        },
      },
    });
  });

  it('erases on customer.redacted and tenant.redacted, keeping the ledger and its totals equal to its entries', async () => {
    // Prepare
    const tenantId = newTenant();
    const customers = ['a', 'b', 'c'].map((name, index) => ({ source: 'shopify', externalId: String(index), email: `${name}@example.com` }));
    await invoke(...customers.map((customer, index) => orderCompleted(tenantId, `order_${index}`, { customer })));
    const hubspotOnly = await signUp(tenantId, 'h@example.com');
    const [first] = customers;
    const firstUser = await users.findByExternalId(tenantId, 'shopify', first.externalId);

    // Act
    const redacted = await failed(event('customer.redacted', { tenantId, customer: { source: 'shopify', email: first.email } }));
    const shop = event('tenant.redacted', { tenantId, source: 'shopify' });
    const shopRedacted = [await failed(shop), await failed(shop)];

    // Assess
    expect([redacted, ...shopRedacted]).toEqual([[], [], []]);
    expect(await users.get(tenantId, firstUser?.userId ?? '')).toMatchObject({ status: 'erased' });
    expect((await users.listLinkedTo(tenantId, 'shopify', { limit: 10 })).items).toEqual([]);
    for (const { email } of customers) expect(await users.findByEmail(tenantId, email)).toBeUndefined();
    expect(await users.get(tenantId, hubspotOnly.userId)).toMatchObject({ status: 'active' });
    expect(await accounts.getAccount(tenantId, firstUser?.userId ?? '')).toMatchObject({ available: 15 });
    expect(await reconciled(tenantId)).toEqual({ accounts: 3, drifts: [] });
  });

  it('applies what the Shopify adapter maps: a paid order of a new customer, then its data request and redaction', async () => {
    // Prepare
    const tenantId = newTenant();
    const shopify = new ShopifyWebhookProvider();
    const delivered = (sample: WebhookSample) => {
      const delivery = { deliveryId: randomUUID(), topic: sample.topic, payload: JSON.parse(sample.body), eventId: sample.headers['x-shopify-event-id'] };
      const mapped = shopify.map(delivery, tenantId);
      if (!mapped.ok) throw mapped.error;
      return mapped.value.map(({ type, detail }) => sqsRecord({ 'detail-type': type, source: 'shopify', id: randomUUID(), time: new Date().toISOString(), detail }));
    };
    const customer = { id: 9_001_000_000_001, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };
    const paid = delivered(shopifyOrderSample('orders/paid', { currency: 'USD', items: [{ sku: 'tv', price: '150.00', quantity: 1 }], customer }));
    const dataRequest = delivered(shopifyCustomerPrivacySample('customers/data_request', { customer: { id: customer.id } }));
    const redact = delivered(shopifyCustomerPrivacySample('customers/redact', { customer: { id: customer.id } }));

    // Act
    const failures = [await failed(...paid), await failed(...dataRequest)];
    const ada = await users.findByExternalId(tenantId, 'shopify', String(customer.id));
    const [answer] = await receive(queues.notifications, ofTenant(tenantId));
    failures.push(await failed(...redact));

    // Assess
    expect(failures).toEqual([[], [], []]);
    expect(ada).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(await accounts.getAccount(tenantId, ada?.userId ?? '')).toMatchObject({ available: 15 });
    expect(JSON.parse(answer?.Body ?? '{}').detail).toMatchObject({ userId: ada?.userId, data: { profile: { email: 'ada@example.com' } } });
    expect(await users.get(tenantId, ada?.userId ?? '')).toMatchObject({ status: 'erased' });
  });

  it('dead-letters provider events whose details are invalid', async () => {
    // Prepare
    const tenantId = newTenant();
    const bad = [
      orderCompleted(tenantId, 'order_1', { userId: 'user_1', customer: { source: 'shopify', email: 'a@example.com' } }),
      orderCompleted(tenantId, 'order_2', { customer: { source: 'shopify', name: 'No email, no id' } }),
      event('customer.updated', { tenantId, customer: { source: 'shopify', email: 'not an email' } }),
      event('customer.data_requested', { tenantId, eventId: undefined, customer: { source: 'shopify', email: 'a@example.com' } }),
      event('tenant.redacted', { tenantId, source: 'Not A Provider' }),
    ];

    // Act
    const failures = await failed(...bad);

    // Assess
    expect(failures.sort()).toEqual(bad.map((record) => record.messageId).sort());
    expect(await users.findByEmail(tenantId, 'a@example.com')).toBeUndefined();
  });
});
