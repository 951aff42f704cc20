import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { startTestApp } from '../testing/start-test-app';

// Two tenants on the local servers the integration set-up starts: B's tokens, knowing A's ids,
// must neither see nor change anything of A.
const secret = process.env['JWT_SECRET'] ?? '';

describe("a tenant's orders, points, users and campaigns, seen from another tenant", () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const tenantA = `t-${randomUUID()}`;
  const tenantB = `t-${randomUUID()}`;
  const tokenFor = (tenantId: string, role: string, sub = `${role}_1`) => signToken({ sub, tenantId, role }, secret);
  let ownerA: string;
  let userId: string;
  let campaignId: string;
  const orderId = 'order_isolation';

  /** What A's owner sees of A's customer, order and campaign. */
  async function tenantAsSeenByItsOwner() {
    const [user, points, history, order, orders, campaign] = await Promise.all([
      http().get(`/users/${userId}`).auth(ownerA, { type: 'bearer' }),
      http().get(`/points/${userId}`).auth(ownerA, { type: 'bearer' }),
      http().get(`/points/${userId}/history`).auth(ownerA, { type: 'bearer' }),
      http().get(`/orders/${orderId}`).auth(ownerA, { type: 'bearer' }),
      http().get('/orders').auth(ownerA, { type: 'bearer' }),
      http().get(`/campaigns/${campaignId}`).auth(ownerA, { type: 'bearer' }),
    ]);
    return [user, points, history, order, orders, campaign].map((response) => response.body.data);
  }

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await startTestApp(moduleRef);
    ownerA = await tokenFor(tenantA, 'owner');
    const signup = await http()
      .post('/users')
      .auth(ownerA, { type: 'bearer' })
      .send({ email: `ada-${randomUUID()}@example.com`, name: 'Ada Lovelace' });
    expect(signup.status).toBe(201);
    userId = signup.body.data.userId;
    const order = await http()
      .post('/orders')
      .auth(await tokenFor(tenantA, 'staff'), { type: 'bearer' })
      .send({ orderId, userId, amount: 150, currency: 'USD' });
    expect(order.status).toBe(201);
    const campaign = await http().post('/campaigns').auth(ownerA, { type: 'bearer' }).send({ name: 'Double points', type: 'purchase_multiplier', multiplier: 2 });
    expect(campaign.status).toBe(201);
    campaignId = campaign.body.data.campaignId;
  });

  afterAll(() => app.close());

  it.each(['staff', 'owner'])("answers %s of B reading A's records by their ids with 404 or an empty account", async (role) => {
    // Prepare
    const token = await tokenFor(tenantB, role);

    // Act
    const user = await http().get(`/users/${userId}`).auth(token, { type: 'bearer' });
    const points = await http().get(`/points/${userId}`).auth(token, { type: 'bearer' });
    const history = await http().get(`/points/${userId}/history`).auth(token, { type: 'bearer' });
    const order = await http().get(`/orders/${orderId}`).auth(token, { type: 'bearer' });
    const orders = await http().get('/orders').query({ userId }).auth(token, { type: 'bearer' });
    const campaign = await http().get(`/campaigns/${campaignId}`).auth(token, { type: 'bearer' });
    const campaigns = await http().get('/campaigns').auth(token, { type: 'bearer' });

    // Assess
    expect([user.status, order.status, campaign.status]).toEqual([404, 404, 404]);
    expect(points.status).toBe(200);
    expect(points.body.data).toMatchObject({ userId, balance: 0, pending: 0, lifetime: 0 });
    expect(history.body.data.transactions).toEqual([]);
    expect(orders.body.data.orders).toEqual([]);
    expect(campaigns.body.data).toEqual({ campaigns: [], nextToken: null });
  });

  it.each(['staff', 'owner'])("lets %s of B change nothing of A's by its ids", async (role) => {
    // Prepare
    const token = await tokenFor(tenantB, role);
    const before = await tenantAsSeenByItsOwner();

    // Act
    const responses = await Promise.all([
      http().patch(`/users/${userId}`).auth(token, { type: 'bearer' }).send({ name: 'Mallory' }),
      http().delete(`/users/${userId}`).auth(token, { type: 'bearer' }),
      http().post(`/points/${userId}/redeem`).auth(token, { type: 'bearer' }).send({ points: 5, reason: 'coffee' }),
      http().post(`/points/${userId}/adjust`).auth(token, { type: 'bearer' }).send({ points: -5, reason: 'typo' }),
      http().patch(`/orders/${orderId}`).auth(token, { type: 'bearer' }).send({ status: 'refunded' }),
      http().patch(`/campaigns/${campaignId}`).auth(token, { type: 'bearer' }).send({ multiplier: 5 }),
      http().post(`/campaigns/${campaignId}/pause`).auth(token, { type: 'bearer' }),
      http().patch(`/tenants/${tenantA}`).auth(token, { type: 'bearer' }).send({ name: 'Taken over' }),
    ]);
    const after = await tenantAsSeenByItsOwner();

    // Assess
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(after).toEqual(before);
  });

  it("gives a customer of B using A's user id nothing of A's", async () => {
    // Prepare
    const customer = await tokenFor(tenantB, 'customer', userId);
    const before = await tenantAsSeenByItsOwner();

    // Act
    const user = await http().get(`/users/${userId}`).auth(customer, { type: 'bearer' });
    const points = await http().get(`/points/${userId}`).auth(customer, { type: 'bearer' });
    const order = await http().get(`/orders/${orderId}`).auth(customer, { type: 'bearer' });
    const orders = await http().get('/orders').auth(customer, { type: 'bearer' });
    const redeem = await http().post(`/points/${userId}/redeem`).auth(customer, { type: 'bearer' }).send({ points: 5, reason: 'coffee' });
    const patch = await http().patch(`/users/${userId}`).auth(customer, { type: 'bearer' }).send({ name: 'Mallory' });
    const after = await tenantAsSeenByItsOwner();

    // Assess
    expect([user.status, order.status, patch.status]).toEqual([404, 404, 404]);
    expect(points.body.data).toMatchObject({ balance: 0, lifetime: 0 });
    expect(orders.body.data.orders).toEqual([]);
    expect(redeem.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(after).toEqual(before);
  });
});
