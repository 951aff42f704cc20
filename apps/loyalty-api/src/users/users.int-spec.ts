import { CreateQueueCommand, DeleteQueueCommand, Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CompleteOrder,
  DEFAULT_PROGRAM,
  createDocumentClient,
  DynamoDbEventOutbox,
  DynamoDbPointsLedger,
  EventDelivery,
  SqsEventPublisher,
} from '@loyalty/domain';
import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { startTestApp } from '../testing/start-test-app';

// Runs against the DynamoDB Local and SQS server that the integration test set-up starts; the
// events go to a queue of this file's own, so that no other test's messages get in the way.
const secret = process.env['JWT_SECRET'] ?? '';
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const sqs = new SQSClient({});

describe('users API against the local servers', () => {
  let app: NestExpressApplication;
  let queueUrl: string;
  const tenantId = `t-${randomUUID()}`;
  const credit = new CompleteOrder(new DynamoDbPointsLedger(client, tableName), { programs: { getProgram: async () => DEFAULT_PROGRAM }, campaigns: { listCampaigns: async () => [] } });
  const tokenFor = (role: string, sub = `${role}_1`, tenant = tenantId) => signToken({ sub, tenantId: tenant, role }, secret);
  const api = () => request(app.getHttpServer());
  const email = () => `ada-${randomUUID()}@example.com`;

  /** Signs a customer up as the owner; the answer's data. */
  async function signUp(body: Record<string, unknown> = {}) {
    const response = await api()
      .post('/users')
      .auth(await tokenFor('owner'), { type: 'bearer' })
      .send({ email: email(), name: 'Ada Lovelace', ...body });
    expect(response.status).toBe(201);
    return response.body.data;
  }

  /** Receives from this file's queue until a message about this user arrives; all such messages. */
  async function eventsAbout(userId: string): Promise<Message[]> {
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
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `users-api-${randomUUID()}` })));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(EventDelivery)
      .useValue(new EventDelivery(new SqsEventPublisher(sqs, queueUrl), new DynamoDbEventOutbox(client, tableName)))
      .compile();
    app = await startTestApp(moduleRef);
  });

  afterAll(async () => {
    await app.close();
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
  });

  describe('POST /users', () => {
    it('signs a customer up: 201 with the profile and the welcome points, then user.created without personal data', async () => {
      // Act
      const response = await api()
        .post('/users')
        .auth(await tokenFor('staff'), { type: 'bearer' })
        .send({ email: ' Ada.Lovelace@Example.COM ', name: 'Ada Lovelace', phone: '+14155550123', birthday: '12-10' });

      // Assess
      expect(response.status).toBe(201);
      const user = response.body.data;
      expect(response.body).toEqual({
        success: true,
        data: {
          tenantId,
          userId: expect.stringMatching(/^user_[0-9A-HJKMNP-TV-Z]{26}$/),
          status: 'active',
          email: 'ada.lovelace@example.com',
          name: 'Ada Lovelace',
          phone: '+14155550123',
          birthday: '12-10',
          referralCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
          totalSpent: { amount: 0 },
          points: { balance: 0, pending: 0, lifetime: 0 },
          tier: 'bronze',
          welcomePoints: 100,
          createdAt: expect.any(String),
          updatedAt: user.createdAt,
          version: 1,
        },
      });
      const [message, ...more] = await eventsAbout(user.userId);
      expect(more).toEqual([]);
      const event = JSON.parse(message.Body ?? '');
      expect(event).toEqual({
        'detail-type': 'user.created',
        source: 'loyalty.api',
        id: expect.stringMatching(/^evt_/),
        time: user.createdAt,
        detail: { tenantId, eventId: event.id, userId: user.userId },
      });
      expect(message.MessageAttributes?.['eventType']).toEqual({ DataType: 'String', StringValue: 'user.created' });
    });

    it('answers the same Idempotency-Key and body with the first result, and another body with 409', async () => {
      // Prepare
      const body = { email: email(), name: 'Ada Lovelace', referredBy: (await signUp()).referralCode };
      const key = randomUUID();
      const token = await tokenFor('system', 'shop-integration');

      // Act
      const first = await api().post('/users').set('Idempotency-Key', key).auth(token, { type: 'bearer' }).send(body);
      const retry = await api().post('/users').set('Idempotency-Key', key).auth(token, { type: 'bearer' }).send(body);
      const other = await api().post('/users').set('Idempotency-Key', key).auth(token, { type: 'bearer' }).send({ ...body, name: 'Ada King' });

      // Assess
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventsAbout(first.body.data.userId)).toHaveLength(1);
      expect(other.status).toBe(409);
      expect(other.body.error).toMatchObject({ code: 'CONFLICT', message: 'This Idempotency-Key was already used with a different request' });
    });

    it('lets exactly one of many concurrent signups with the same email through; the others get 409', async () => {
      // Prepare
      const token = await tokenFor('owner');
      const shared = email();

      // Act
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          api().post('/users').auth(token, { type: 'bearer' }).send({ email: shared, name: `Ada ${index}` }),
        ),
      );

      // Assess
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const conflict of responses.filter((response) => response.status === 409)) {
        expect(conflict.body.error).toEqual({
          code: 'CONFLICT',
          message: 'Another user of this business has this email',
          details: { field: 'email' },
        });
      }
    });

    it.each([
      ['an invalid email', { email: 'ada@', name: 'Ada' }, 'email', 'email must be a valid email address'],
      ['a phone number that is not E.164', { email: 'a@example.com', name: 'Ada', phone: '0415 555 0123' }, 'phone', 'phone must be an E.164 phone number, e.g. +14155550123'],
      ['an impossible birthday', { email: 'a@example.com', name: 'Ada', birthday: '1990-02-30' }, 'birthday', 'birthday must be YYYY-MM-DD or MM-DD, a real date not in the future'],
      ['no name', { email: 'a@example.com' }, 'name', 'name must be a string'],
      ['a null phone', { email: 'a@example.com', name: 'Ada', phone: null }, 'phone', 'phone must be a string'],
      ['an unknown field', { email: 'a@example.com', name: 'Ada', tenantId: 'other' }, 'tenantId', 'property tenantId should not exist'],
    ])('refuses %s with 400', async (_case, body, field, error) => {
      // Act
      const response = await api().post('/users').auth(await tokenFor('owner'), { type: 'bearer' }).send(body);

      // Assess
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: 'Request validation failed', details: { fields: { [field]: error } } },
        requestId: response.headers['x-request-id'],
      });
    });

    it('refuses an unknown referral code with 400', async () => {
      // Act
      const response = await api()
        .post('/users')
        .auth(await tokenFor('owner'), { type: 'bearer' })
        .send({ email: email(), name: 'Ada', referredBy: 'ZZZZ9999' });

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'VALIDATION_ERROR',
        message: 'Unknown referral code',
        details: { fields: { referredBy: 'the referral code of a customer of this business' } },
      });
    });

    it('does not let customers sign others up', async () => {
      // Act
      const response = await api().post('/users').auth(await tokenFor('customer'), { type: 'bearer' }).send({ email: email(), name: 'Ada' });

      // Assess
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /users/{userId}', () => {
    it('shows the profile with points, tier and what the orders add up to', async () => {
      // Prepare
      const user = await signUp();
      await credit.execute({ tenantId, orderId: `order_${randomUUID()}`, userId: user.userId, amount: 150, currency: 'USD' });

      // Act
      const response = await api().get(`/users/${user.userId}`).auth(await tokenFor('customer', user.userId), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(200);
      // The profile as signup answered it, without the welcome points (toEqual skips undefined).
      expect(response.body.data).toEqual({
        ...user,
        welcomePoints: undefined,
        points: { balance: 15, pending: 0, lifetime: 15 },
        totalSpent: { amount: 150, currency: 'USD' },
      });
    });

    it('keeps customers to themselves and tenants to their own users', async () => {
      // Prepare
      const user = await signUp();

      // Act
      const otherCustomer = await api().get(`/users/${user.userId}`).auth(await tokenFor('customer', 'user_other'), { type: 'bearer' });
      const otherTenant = await api().get(`/users/${user.userId}`).auth(await tokenFor('admin', 'admin_1', `t-${randomUUID()}`), { type: 'bearer' });
      const unknown = await api().get('/users/user_nobody').auth(await tokenFor('staff'), { type: 'bearer' });

      // Assess
      expect(otherCustomer.status).toBe(403);
      expect(otherTenant.status).toBe(404);
      expect(unknown.body).toEqual({
        success: false,
        error: { code: 'NOT_FOUND', message: 'No user user_nobody' },
        requestId: unknown.headers['x-request-id'],
      });
    });
  });

  describe('PATCH /users/{userId}', () => {
    it('lets a customer change their own profile; email and phone move with it', async () => {
      // Prepare
      const user = await signUp({ phone: '+14155550111', birthday: '1990-12-10' });
      const newEmail = email();
      const staff = await tokenFor('staff');

      // Act
      const response = await api()
        .patch(`/users/${user.userId}`)
        .auth(await tokenFor('customer', user.userId), { type: 'bearer' })
        .send({ email: newEmail.toUpperCase(), name: 'Ada King', phone: '+14155550112', birthday: null });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ email: newEmail, name: 'Ada King', phone: '+14155550112', version: 2 });
      expect(response.body.data).not.toHaveProperty('birthday');
      expect((await api().get('/users').query({ email: newEmail }).auth(staff, { type: 'bearer' })).body.data.userId).toBe(user.userId);
      expect((await api().get('/users').query({ email: user.email }).auth(staff, { type: 'bearer' })).status).toBe(404);
      expect((await signUp({ phone: '+14155550111' })).phone).toBe('+14155550111');
    });

    it('refuses an email another customer has with 409, and changes nothing', async () => {
      // Prepare
      const [ada, grace] = [await signUp(), await signUp()];
      const token = await tokenFor('owner');

      // Act
      const response = await api().patch(`/users/${grace.userId}`).auth(token, { type: 'bearer' }).send({ email: ada.email });

      // Assess
      expect(response.status).toBe(409);
      expect(response.body.error.details).toEqual({ field: 'email' });
      expect((await api().get(`/users/${grace.userId}`).auth(token, { type: 'bearer' })).body.data).toMatchObject({ email: grace.email, version: 1 });
    });

    it.each([
      ['nothing to change', {}, 'Nothing to change: give email, name, phone or birthday'],
      ['a null email', { email: null }, 'Request validation failed'],
      ['a field that cannot be patched', { referralCode: 'AAAAAAAA' }, 'Request validation failed'],
    ])('refuses %s with 400', async (_case, body, message) => {
      // Prepare
      const user = await signUp();

      // Act
      const response = await api().patch(`/users/${user.userId}`).auth(await tokenFor('owner'), { type: 'bearer' }).send(body);

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message });
    });

    it('forbids a customer to change another customer', async () => {
      // Prepare
      const user = await signUp();

      // Act
      const response = await api().patch(`/users/${user.userId}`).auth(await tokenFor('customer', 'user_other'), { type: 'bearer' }).send({ name: 'Mallory' });

      // Assess
      expect(response.status).toBe(403);
    });
  });

  describe('GET /users?email=', () => {
    it('finds a customer by exact email, in any case, for staff only', async () => {
      // Prepare
      const user = await signUp();

      // Act
      const found = await api().get('/users').query({ email: user.email.toUpperCase() }).auth(await tokenFor('staff'), { type: 'bearer' });
      const asCustomer = await api().get('/users').query({ email: user.email }).auth(await tokenFor('customer', user.userId), { type: 'bearer' });
      const missing = await api().get('/users').auth(await tokenFor('staff'), { type: 'bearer' });
      const unknown = await api().get('/users').query({ email: email() }).auth(await tokenFor('staff'), { type: 'bearer' });

      // Assess
      expect(found.status).toBe(200);
      expect(found.body.data).toMatchObject({ userId: user.userId, email: user.email, points: { balance: 0 } });
      expect(asCustomer.status).toBe(403);
      expect(missing.status).toBe(400);
      expect(unknown.status).toBe(404);
    });
  });

  describe('GDPR', () => {
    it('exports everything held about a customer to that customer', async () => {
      // Prepare
      const user = await signUp({ phone: '+14155550199' });
      await credit.execute({ tenantId, orderId: `order_${randomUUID()}`, userId: user.userId, amount: 150, currency: 'USD' });

      // Act
      const response = await api().get(`/users/${user.userId}/export`).auth(await tokenFor('customer', user.userId), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        profile: { userId: user.userId, email: user.email, phone: '+14155550199' },
        pointsAccount: { available: 15 },
        ledgerEntries: [{ type: 'earned', points: 15 }],
        uniquenessRecords: [
          { field: 'email', value: user.email },
          { field: 'phone', value: '+14155550199' },
          { field: 'referralCode', value: user.referralCode },
        ],
        otherRecords: [],
      });
    });

    it('erases a customer: personal data and unique values go, points stay, the email can sign up again', async () => {
      // Prepare
      const user = await signUp({ phone: '+14155550188', birthday: '1990-12-10' });
      await credit.execute({ tenantId, orderId: `order_${randomUUID()}`, userId: user.userId, amount: 150, currency: 'USD' });
      const owner = await tokenFor('owner');

      // Act
      const erased = await api().delete(`/users/${user.userId}`).auth(await tokenFor('customer', user.userId), { type: 'bearer' });
      const again = await api().delete(`/users/${user.userId}`).auth(owner, { type: 'bearer' });

      // Assess
      expect(erased.status).toBe(200);
      expect(erased.body.data).toEqual({ userId: user.userId, status: 'erased', erasedAt: expect.any(String) });
      expect(again.body).toEqual(erased.body);
      const shown = await api().get(`/users/${user.userId}`).auth(owner, { type: 'bearer' });
      expect(shown.body.data).toEqual({
        tenantId,
        userId: user.userId,
        status: 'erased',
        erasedAt: erased.body.data.erasedAt,
        createdAt: user.createdAt,
        updatedAt: erased.body.data.erasedAt,
        version: 2,
        totalSpent: { amount: 150, currency: 'USD' },
        points: { balance: 15, pending: 0, lifetime: 15 },
        tier: 'bronze',
      });
      expect((await api().get('/users').query({ email: user.email }).auth(owner, { type: 'bearer' })).status).toBe(404);
      expect((await api().patch(`/users/${user.userId}`).auth(owner, { type: 'bearer' }).send({ name: 'Ada' })).status).toBe(409);
      const newcomer = await signUp({ email: user.email, phone: '+14155550188' });
      expect(newcomer.userId).not.toBe(user.userId);
    });

    it('answers an unknown customer with 404', async () => {
      // Act
      const exported = await api().get('/users/user_nobody/export').auth(await tokenFor('owner'), { type: 'bearer' });
      const erased = await api().delete('/users/user_nobody').auth(await tokenFor('owner'), { type: 'bearer' });

      // Assess
      expect([exported.status, erased.status]).toEqual([404, 404]);
    });
  });
});
