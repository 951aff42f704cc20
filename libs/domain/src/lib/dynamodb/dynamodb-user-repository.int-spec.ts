import { DateTime } from 'luxon';
import { campaignFrom } from '../campaigns/campaign.fixture';
import { AwardBirthdayTreats } from '../customers/award-birthday-treats';
import { DynamoDbBirthdayDirectory } from './dynamodb-birthday-directory';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';
import { CreateQueueCommand, DeleteQueueCommand, Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { EventDelivery } from '../events/event-delivery';
import { RelayPendingEvents } from '../events/relay-pending-events';
import { CompleteOrder } from '../orders/complete-order';
import { DEFAULT_PROGRAM } from '../program/program-settings';
import { newId } from '../shared/ids';
import { ok } from '../shared/result';
import { SqsEventPublisher } from '../sqs/sqs-event-publisher';

import { applyProfileChanges, eraseProfile } from '../users/profile-changes';
import { RegisterUser } from '../users/register-user';
import { generateReferralCode } from '../users/referral-code';
import { userCreatedEvent } from '../users/user-created-event';
import { ActiveUserProfile } from '../users/user-profile';
import { newUserProfile, UserRegistrationRequest } from '../users/user-registration';
import { NewUser } from '../users/user-repository';
import { createDocumentClient } from './document-client';
import { DynamoDbEventOutbox } from './dynamodb-event-outbox';
import { DynamoDbPointsLedger } from './dynamodb-points-ledger';
import { DynamoDbUserRepository } from './dynamodb-user-repository';
import { keys } from './keys';

// Runs against the DynamoDB Local and SQS server that the integration test set-up starts.
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const sqs = new SQSClient({});
const users = new DynamoDbUserRepository(client, tableName);
const outbox = new DynamoDbEventOutbox(client, tableName);
const now = new Date('2026-11-21T10:00:00.000Z');
let queueUrl: string;

const newTenant = () => `t-${randomUUID()}`;
const signup = (overrides: Partial<UserRegistrationRequest> = {}): UserRegistrationRequest => ({
  email: `ada-${randomUUID()}@example.com`,
  name: 'Ada Lovelace',
  ...overrides,
});

/** A signup built as RegisterUser builds it, with its ids known to the test. */
function newUser(tenantId: string, request = signup()): NewUser {
  const profile = newUserProfile(tenantId, request, { userId: newId('user'), referralCode: generateReferralCode() }, now);
  return { profile, event: userCreatedEvent(profile, newId('evt')), welcomePoints: 100 };
}

function registerUser(publisherQueueUrl = queueUrl) {
  const delivery = new EventDelivery(new SqsEventPublisher(sqs, publisherQueueUrl), outbox);
  return new RegisterUser(users, { welcomePoints: async () => 100 }, delivery);
}

async function registered(tenantId: string, request = signup()): Promise<ActiveUserProfile> {
  const result = await registerUser().execute({ tenantId, request });
  if (!result.ok) throw result.error;
  return result.value.user;
}

const getItem = async (key: { PK: string; SK: string }) =>
  (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

/** Receives from this file's queue until a message about this user arrives; all such messages. */
async function receiveEventsAbout(userId: string): Promise<Message[]> {
  const about = (message: Message) => JSON.parse(message.Body ?? '{}').detail?.userId === userId;
  const received: Message[] = [];
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !received.some(about)) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
    );
    received.push(...Messages);
  }
  return received.filter(about);
}

beforeAll(async () => {
  ({ QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `users-${randomUUID()}` })));
});

afterAll(() => sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })));

describe('DynamoDbUserRepository against DynamoDB Local', () => {
  it('signs a customer up with unique-value records, publishes user.created and empties the outbox', async () => {
    // Prepare
    const tenantId = newTenant();

    // Act
    const result = await registerUser().execute({ tenantId, request: signup({ email: ' Ada@Example.com ', phone: '+14155550123' }) });

    // Assess
    if (!result.ok) throw result.error;
    const { user } = result.value;
    expect(result.value).toEqual({ user, welcomePoints: 100, replayed: false });
    expect(await users.get(tenantId, user.userId)).toEqual(user);
    expect(await users.findByEmail(tenantId, 'ada@example.com')).toEqual(user);
    for (const [field, value] of [['email', 'ada@example.com'], ['phone', '+14155550123'], ['referralCode', user.referralCode]]) {
      expect(await getItem(keys.uniqueValue(tenantId, field, value))).toMatchObject({ userId: user.userId, field, value });
    }
    const [message] = await receiveEventsAbout(user.userId);
    expect(JSON.parse(message.Body ?? '')).toEqual({
      'detail-type': 'user.created',
      source: 'loyalty.api',
      id: expect.stringMatching(/^evt_/),
      time: user.createdAt,
      detail: { tenantId, eventId: expect.stringMatching(/^evt_/), userId: user.userId },
    });
    expect(message.MessageAttributes?.['eventType']).toMatchObject({ StringValue: 'user.created' });
    expect(await outbox.pending(new Date(Date.now() + 60_000), 1000)).not.toContainEqual(
      expect.objectContaining({ detail: expect.objectContaining({ userId: user.userId }) }),
    );
  });

  it('lets exactly one of many concurrent signups with the same email succeed', async () => {
    // Prepare
    const tenantId = newTenant();
    const attempts = Array.from({ length: 10 }, (_, index) =>
      newUser(tenantId, signup({ email: 'same@example.com', name: `Ada ${index}`, phone: `+1415555010${index}` })),
    );

    // Act
    const results = await Promise.all(attempts.map((attempt) => users.register(attempt)));

    // Assess
    const winners = attempts.filter((_, index) => results[index].ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.details)).toEqual(
      Array(9).fill({ field: 'email' }),
    );
    expect((await getItem(keys.uniqueValue(tenantId, 'email', 'same@example.com')))?.['userId']).toBe(winners[0].profile.userId);
    const stored = await Promise.all(attempts.map((attempt) => users.get(tenantId, attempt.profile.userId)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    for (const loser of attempts.filter((attempt) => attempt !== winners[0])) {
      expect(await getItem(keys.uniqueValue(tenantId, 'phone', loser.profile.phone ?? ''))).toBeUndefined();
    }
  });

  it('keeps phone numbers unique in a tenant, even under concurrency, but not across tenants', async () => {
    // Prepare
    const [tenantId, otherTenantId] = [newTenant(), newTenant()];
    const attempts = Array.from({ length: 6 }, () => newUser(tenantId, signup({ phone: '+4930123456' })));

    // Act
    const results = await Promise.all(attempts.map((attempt) => users.register(attempt)));
    const elsewhere = await users.register(newUser(otherTenantId, signup({ phone: '+4930123456' })));

    // Assess
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.details['field'] === 'phone')).toHaveLength(5);
    expect(elsewhere.ok).toBe(true);
  });

  it('keeps each provider id with one user of a tenant, finds users by it and lists them by provider', async () => {
    // Prepare
    const [tenantId, otherTenantId] = [newTenant(), newTenant()];
    const ada = await registered(tenantId, signup({ externalIds: { shopify: '7391', stripe: 'cus_1' } }));
    const grace = await registered(tenantId, signup({ externalIds: { shopify: '8000' } }));

    // Act
    const sameId = await Promise.all(Array.from({ length: 5 }, () => users.register(newUser(tenantId, signup({ externalIds: { shopify: '9000' } })))));
    const taken = await users.register(newUser(tenantId, signup({ externalIds: { shopify: '7391' } })));
    const relinked = await users.update(tenantId, grace.userId, (current) =>
      ok(current.status === 'active' ? { ...current, externalIds: { shopify: '7391' }, version: current.version + 1 } : current),
    );
    const moved = await users.update(tenantId, ada.userId, (current) =>
      ok(current.status === 'active' ? { ...current, externalIds: { shopify: '7392' }, version: current.version + 1 } : current),
    );
    const elsewhere = await users.register(newUser(otherTenantId, signup({ externalIds: { shopify: '7391' } })));

    // Assess
    expect(sameId.filter((result) => result.ok)).toHaveLength(1);
    expect(sameId.filter((result) => !result.ok).map((result) => !result.ok && result.error.details)).toEqual(
      Array(4).fill({ field: 'externalId', source: 'shopify' }),
    );
    expect(!taken.ok && taken.error).toMatchObject({ code: 'CONFLICT', message: 'Another user of this business has this shopify id' });
    expect(!relinked.ok && relinked.error.details).toEqual({ field: 'externalId', source: 'shopify' });
    expect(moved.ok).toBe(true);
    expect(await users.findByExternalId(tenantId, 'shopify', '7392')).toMatchObject({ userId: ada.userId });
    expect(await users.findByExternalId(tenantId, 'shopify', '7391')).toBeUndefined();
    expect(await users.findByExternalId(tenantId, 'stripe', 'cus_1')).toBeUndefined();
    expect(await users.findByExternalId(tenantId, 'shopify', '8000')).toMatchObject({ userId: grace.userId });
    expect(elsewhere.ok).toBe(true);
    const winner = sameId.find((result) => result.ok);
    const linked = [ada.userId, grace.userId, winner?.ok ? winner.value.user.userId : ''].sort();
    const firstPage = await users.listLinkedTo(tenantId, 'shopify', { limit: 2 });
    const secondPage = await users.listLinkedTo(tenantId, 'shopify', { limit: 2, after: firstPage.next });
    expect([...firstPage.items, ...secondPage.items]).toEqual(linked);
    expect(secondPage.next).toBeUndefined();
    expect((await users.listLinkedTo(tenantId, 'stripe', { limit: 10 })).items).toEqual([]);
  });

  it('answers a repeated signup with the first result, and the same key with another request with a conflict', async () => {
    // Prepare
    const tenantId = newTenant();
    const request = signup();
    const register = registerUser();

    // Act
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => register.execute({ tenantId, request, idempotencyKey: 'key-1' })),
    );
    const later = await register.execute({ tenantId, request, idempotencyKey: 'key-1' });
    const changed = await register.execute({ tenantId, request: { ...request, name: 'Ada King' }, idempotencyKey: 'key-1' });

    // Assess
    const outcomes = [...concurrent, later].map((result) => (result.ok ? result.value : undefined));
    expect(new Set(outcomes.map((outcome) => outcome?.user.userId)).size).toBe(1);
    expect(outcomes.filter((outcome) => outcome?.replayed === false)).toHaveLength(1);
    expect(later).toEqual({ ok: true, value: { ...outcomes[0], replayed: true } });
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.error.name).toBe('IdempotencyConflictError');
  });

  it('publishes a user.created still in the outbox again when the signup is repeated with its Idempotency-Key', async () => {
    // Prepare
    const tenantId = newTenant();
    const request = signup();
    const first = await registerUser(`${queueUrl}-missing`).execute({ tenantId, request, idempotencyKey: 'key-1' });
    if (!first.ok) throw first.error;
    const { user } = first.value;

    // Act
    const retry = await registerUser().execute({ tenantId, request, idempotencyKey: 'key-1' });

    // Assess
    expect(first.value.eventDeliveryError).toBeDefined();
    expect(retry).toEqual({ ok: true, value: { user, welcomePoints: 100, replayed: true } });
    const [message, ...more] = await receiveEventsAbout(user.userId);
    expect(more).toEqual([]);
    expect(await getItem(keys.outboxEvent(tenantId, JSON.parse(message.Body ?? '').id))).toBeUndefined();
  });

  it('accepts the referral code of an existing customer and refuses an unknown one', async () => {
    // Prepare
    const tenantId = newTenant();
    const referrer = await registered(tenantId);

    // Act
    const referred = await registerUser().execute({ tenantId, request: signup({ referredBy: referrer.referralCode.toLowerCase() }) });
    const unknown = await registerUser().execute({ tenantId, request: signup({ referredBy: 'ZZZZ9999' }) });

    // Assess
    expect(referred.ok && referred.value.user.referredBy).toBe(referrer.referralCode);
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error.details).toEqual({ fields: { referredBy: 'the referral code of a customer of this business' } });
  });

  it('moves the email record when the email changes, and refuses an email another customer has', async () => {
    // Prepare
    const tenantId = newTenant();
    const [ada, grace] = [await registered(tenantId), await registered(tenantId)];

    // Act
    const moved = await users.update(tenantId, ada.userId, (current) => applyProfileChanges(current, { email: 'ada.king@example.com' }, now));
    const clash = await users.update(tenantId, grace.userId, (current) => applyProfileChanges(current, { email: 'ADA.KING@example.com' }, now));
    const oldEmailAgain = await users.register(newUser(tenantId, signup({ email: ada.email })));

    // Assess
    expect(moved.ok && moved.value).toMatchObject({ email: 'ada.king@example.com', version: 2 });
    expect(await users.findByEmail(tenantId, 'ada.king@example.com')).toMatchObject({ userId: ada.userId });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.error.details).toEqual({ field: 'email' });
    expect(await users.get(tenantId, grace.userId)).toEqual(grace);
    expect(oldEmailAgain.ok).toBe(true);
  });

  it('loses no change when a customer is changed concurrently', async () => {
    // Prepare
    const tenantId = newTenant();
    const ada = await registered(tenantId);
    // Act
    const results = await Promise.all(
      ['+14155550101', '+14155550102', '+14155550103', '+14155550104', '+14155550105'].map((phone) =>
        users.update(tenantId, ada.userId, (current) => applyProfileChanges(current, { phone, name: `Ada ${phone}` }, now)),
      ),
    );

    // Assess
    expect(results.every((result) => result.ok)).toBe(true);
    const stored = await users.get(tenantId, ada.userId);
    expect(stored).toMatchObject({ version: 6 });
    const phone = stored?.status === 'active' ? stored.phone ?? '' : '';
    expect(stored).toMatchObject({ name: `Ada ${phone}` });
    expect(await getItem(keys.uniqueValue(tenantId, 'phone', phone))).toMatchObject({ userId: ada.userId });
    for (const other of ['+14155550101', '+14155550102', '+14155550103', '+14155550104', '+14155550105'].filter((p) => p !== phone)) {
      expect(await getItem(keys.uniqueValue(tenantId, 'phone', other))).toBeUndefined();
    }
  });

  it('applies the same change delivered twice at once, claiming its new phone once, without a conflict', async () => {
    // Prepare
    const tenantId = newTenant();
    const ada = await registered(tenantId);
    const change = () => users.update(tenantId, ada.userId, (current) => applyProfileChanges(current, { phone: '+14155550177' }, now));

    // Act
    const results = await Promise.all(Array.from({ length: 4 }, change));

    // Assess
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
    expect(await users.get(tenantId, ada.userId)).toMatchObject({ phone: '+14155550177', version: 2 });
    expect(await getItem(keys.uniqueValue(tenantId, 'phone', '+14155550177'))).toMatchObject({ userId: ada.userId });
  });

  it('erases personal data and unique values, keeps the points, and lets the email sign up again', async () => {
    // Prepare
    const tenantId = newTenant();
    const result = await registerUser().execute({
      tenantId,
      request: signup({ phone: '+14155550123', birthday: '12-10', externalIds: { shopify: '7391' } }),
      idempotencyKey: 'key-1',
    });
    if (!result.ok) throw result.error;
    const ada = result.value.user;
    await new CompleteOrder(new DynamoDbPointsLedger(client, tableName), { programs: { getProgram: async () => DEFAULT_PROGRAM }, campaigns: { listCampaigns: async () => [] } }).execute({
      tenantId,
      orderId: 'order_1',
      userId: ada.userId,
      amount: 150,
      currency: 'USD',
    });

    // Act
    const erased = await users.update(tenantId, ada.userId, (current) => ok(eraseProfile(current, now)));
    const again = await users.update(tenantId, ada.userId, (current) => ok(eraseProfile(current, new Date())));
    const newcomer = await registered(tenantId, signup({ email: ada.email, phone: ada.phone }));

    // Assess
    const item = await getItem(keys.profile(tenantId, ada.userId));
    expect(Object.keys(item ?? {}).sort()).toEqual(
      ['PK', 'SK', 'entityType', 'tenantId', 'userId', 'status', 'erasedAt', 'createdAt', 'updatedAt', 'version'].sort(),
    );
    expect(erased.ok && erased.value).toMatchObject({ status: 'erased', version: 2 });
    expect(again).toEqual(erased);
    expect(await getItem(keys.uniqueValue(tenantId, 'referralCode', ada.referralCode))).toBeUndefined();
    expect(await users.findByExternalId(tenantId, 'shopify', '7391')).toBeUndefined();
    expect(await getItem(keys.idempotency(tenantId, 'signup#key-1'))).toBeUndefined();
    expect(await getItem(keys.account(tenantId, ada.userId))).toMatchObject({ available: 15 });
    expect(newcomer.userId).not.toBe(ada.userId);
    expect(await users.findByEmail(tenantId, ada.email)).toMatchObject({ userId: newcomer.userId });
  });

  it('exports the profile, points account, entries, unique values, stored signup answer and anything else held', async () => {
    // Prepare
    const tenantId = newTenant();
    const result = await registerUser().execute({ tenantId, request: signup({ phone: '+14155550123' }), idempotencyKey: 'key-1' });
    if (!result.ok) throw result.error;
    const ada = result.value.user;
    await new CompleteOrder(new DynamoDbPointsLedger(client, tableName), { programs: { getProgram: async () => DEFAULT_PROGRAM }, campaigns: { listCampaigns: async () => [] } }).execute({
      tenantId,
      orderId: 'order_1',
      userId: ada.userId,
      amount: 150,
      currency: 'USD',
    });
    const note = { ...keys.profile(tenantId, ada.userId), SK: 'NOTE#1', entityType: 'NOTE', text: 'prefers email' };
    await client.send(new PutCommand({ TableName: tableName, Item: note }));

    // Act
    const exported = await users.exportData(tenantId, ada.userId);

    // Assess
    expect(exported).toEqual({
      exportedAt: expect.any(String),
      profile: ada,
      pointsAccount: expect.objectContaining({ userId: ada.userId, available: 15, lifetimeEarned: 15 }),
      ledgerEntries: [expect.objectContaining({ type: 'earned', points: 15, source: { kind: 'order', id: 'order_1' } })],
      uniquenessRecords: [
        { field: 'email', value: ada.email, userId: ada.userId, createdAt: ada.createdAt },
        { field: 'phone', value: '+14155550123', userId: ada.userId, createdAt: ada.createdAt },
        { field: 'referralCode', value: ada.referralCode, userId: ada.userId, createdAt: ada.createdAt },
      ],
      signupReplay: expect.objectContaining({ user: ada, welcomePoints: 100 }),
      otherRecords: [{ SK: 'NOTE#1', entityType: 'NOTE', text: 'prefers email' }],
    });
    expect(JSON.stringify(exported)).not.toMatch(/"PK"|GSI/);
    expect(await users.exportData(tenantId, 'user_nobody')).toBeUndefined();
  });

  it('keeps user.created in the outbox when the queue cannot take it, and the relay publishes it later', async () => {
    // Prepare
    const tenantId = newTenant();
    const missingQueue = `${queueUrl}-missing`;

    // Act
    const result = await registerUser(missingQueue).execute({ tenantId, request: signup() });
    const waiting = await outbox.pending(new Date(Date.now() + 60_000), 1000);
    const relay = new RelayPendingEvents(outbox, new EventDelivery(new SqsEventPublisher(sqs, queueUrl), outbox));
    const report = await relay.execute(new Date(Date.now() + 60_000), 1000);

    // Assess
    if (!result.ok) throw result.error;
    expect(result.value.eventDeliveryError).toBeDefined();
    const pending = waiting.find((event) => event.detail.tenantId === tenantId);
    expect(pending).toMatchObject({ type: 'user.created', detail: { userId: result.value.user.userId } });
    expect(report.published).toContain(pending?.id);
    expect(await receiveEventsAbout(result.value.user.userId)).toEqual([
      expect.objectContaining({ Body: expect.stringContaining(`"id":"${pending?.id}"`) }),
    ]);
    expect(await getItem(keys.outboxEvent(tenantId, pending?.id ?? ''))).toBeUndefined();
  });
});


describe('birthday treats against DynamoDB Local', () => {
  it('credits a birthday campaign once, on the day in the business time zone, and never an erased customer', async () => {
    // Prepare
    const tenantId = newTenant();
    const birthdayToday = `1990-${DateTime.fromJSDate(now, { zone: 'UTC' }).toFormat('MM-dd')}`;
    const celebrating = await registered(tenantId, signup({ birthday: birthdayToday }));
    const erased = await registered(tenantId, signup({ birthday: birthdayToday }));
    await users.update(tenantId, erased.userId, (current) => ok(eraseProfile(current, now)));
    const other = await registered(tenantId, signup({ birthday: '1990-01-01' }));
    const treat = campaignFrom({ name: 'Birthday treat', type: 'birthday', points: 50 }, 'camp_birthday');
    const ledger = new DynamoDbPointsLedger(client, tableName, { now: () => now });
    const treats = new AwardBirthdayTreats(
      new DynamoDbBirthdayDirectory(client, tableName),
      ledger,
      { getProgram: async () => DEFAULT_PROGRAM },
      { listCampaigns: async (tenant) => (tenant === tenantId ? [treat] : []) },
    );
    const accounts = new DynamoDbPointsAccountReader(client, tableName);

    // Act
    await Promise.all([treats.execute(now), treats.execute(now)]);
    await treats.execute(now);

    // Assess
    expect(await accounts.getAccount(tenantId, celebrating.userId)).toMatchObject({ available: 50, version: 1 });
    expect(await accounts.getAccount(tenantId, erased.userId)).toBeUndefined();
    expect(await accounts.getAccount(tenantId, other.userId)).toBeUndefined();
  });
});
