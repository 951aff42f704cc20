import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from './app.module';
import { startTestApp } from '../testing/start-test-app';

// Runs against the DynamoDB Local and SQS server that the integration test set-up starts, with the
// local stack's settings (table, queue, JWT secret) in the environment.
const secret = process.env['JWT_SECRET'] ?? '';

describe('loyalty-api against the local servers', () => {
  let app: NestExpressApplication;
  const tenantId = `t-${randomUUID()}`;
  const tokenFor = (sub: string, role = 'customer', tenant = tenantId) =>
    signToken({ sub, tenantId: tenant, role }, secret);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await startTestApp(moduleRef);
    await request(app.getHttpServer())
      .post('/orders')
      .auth(await tokenFor('staff_1', 'staff'), { type: 'bearer' })
      .send({ orderId: 'order_1', userId: 'user_1', amount: 150, currency: 'USD' })
      .expect(201);
  });

  afterAll(() => app.close());

  it('GET /health answers without a token', async () => {
    // Act
    const response = await request(app.getHttpServer()).get('/health');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, data: { status: 'ok' } });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('GET /health/ready reports DynamoDB and SQS up', async () => {
    // Act
    const response = await request(app.getHttpServer()).get('/health/ready');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      status: 'ok',
      info: { dynamodb: { status: 'up' }, sqs: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document of every controller at /docs/openapi.json', async () => {
    // Act
    const response = await request(app.getHttpServer()).get('/docs/openapi.json');

    // Assess
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/ready', '/points/{userId}', '/tenants', '/tenants/{tenantId}', '/audit']),
    );
  });

  it('GET /points/{userId} returns balance, pending, lifetime, tier and points expiring soon', async () => {
    // Act
    const response = await request(app.getHttpServer())
      .get('/points/user_1')
      .auth(await tokenFor('user_1'), { type: 'bearer' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      success: true,
      data: {
        userId: 'user_1',
        balance: 15,
        pending: 0,
        lifetime: 15,
        redeemed: 0,
        expired: 0,
        tier: 'bronze',
        tierProgress: { next: 'silver', pointsToNext: 985, heldUntil: expect.any(String) },
        expiringSoon: { withinDays: 30, points: 0, lots: [] },
      },
    });
  });

  it('reads an account with no entries, or of another tenant, as zero', async () => {
    // Act
    const unknown = await request(app.getHttpServer())
      .get('/points/user_nobody')
      .auth(await tokenFor('staff_1', 'staff'), { type: 'bearer' });
    const otherTenant = await request(app.getHttpServer())
      .get('/points/user_1')
      .auth(await tokenFor('staff_1', 'staff', `other-${randomUUID()}`), { type: 'bearer' });

    // Assess
    expect(unknown.body.data).toMatchObject({ balance: 0, lifetime: 0 });
    expect(otherTenant.body.data).toMatchObject({ balance: 0, lifetime: 0 });
  });

  it('forbids a customer to read another customer', async () => {
    // Act
    const response = await request(app.getHttpServer())
      .get('/points/user_1')
      .auth(await tokenFor('user_2'), { type: 'bearer' });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('rejects an invalid user id with 400 before touching the table', async () => {
    // Act
    const response = await request(app.getHttpServer())
      .get('/points/user%231')
      .auth(await tokenFor('staff_1', 'staff'), { type: 'bearer' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
  });

  describe('refuses tokens that are not valid', () => {
    const unsigned = () => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const exp = Math.floor(Date.now() / 1000) + 300;
      return `${encode({ alg: 'none' })}.${encode({ sub: 'user_1', tenantId, role: 'admin', exp })}.`;
    };
    it.each([
      ['no token', async () => undefined],
      ['alg none', async () => unsigned()],
      ['a wrong key', async () => signToken({ sub: 'user_1', tenantId, role: 'customer' }, 'x'.repeat(40))],
      ['an expired token', async () => signToken({ sub: 'user_1', tenantId, role: 'customer' }, secret, { expiresIn: Math.floor(Date.now() / 1000) - 120 })],
      ['an unknown role', async () => signToken({ sub: 'user_1', tenantId, role: 'root' }, secret)],
    ])('%s → 401', async (_case, token) => {
      // Prepare
      const bearer = await token();
      const call = request(app.getHttpServer()).get('/points/user_1');

      // Act
      const response = await (bearer ? call.auth(bearer, { type: 'bearer' }) : call);

      // Assess
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    });
  });
});
