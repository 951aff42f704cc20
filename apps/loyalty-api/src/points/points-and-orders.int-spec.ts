import { createDocumentClient, dynamoDbReconciler } from '@loyalty/domain';
import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { startTestApp } from '../testing/start-test-app';

// The ledger through the API, against the local servers the integration set-up starts.
const secret = process.env['JWT_SECRET'] ?? '';

describe('points and orders endpoints', () => {
  let app: NestExpressApplication;
  const tenantId = `t-${randomUUID()}`;
  const tokenFor = (sub: string, role = 'customer') => signToken({ sub, tenantId, role }, secret);
  const http = () => request(app.getHttpServer());
  let staff: string;
  let customer: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await startTestApp(moduleRef);
    staff = await tokenFor('staff_1', 'staff');
    customer = await tokenFor('user_1');
  });

  afterAll(() => app.close());

  it('POST /orders credits once and answers a repeat with the same body', async () => {
    // Prepare
    const body = { orderId: 'order_a', userId: 'user_1', amount: 150.0, currency: 'USD', items: [{ sku: 'tv', category: 'electronics', price: 150, quantity: 1 }] };

    // Act
    const first = await http().post('/orders').auth(staff, { type: 'bearer' }).send(body);
    const repeat = await http().post('/orders').auth(staff, { type: 'bearer' }).send(body);
    const changed = await http().post('/orders').auth(staff, { type: 'bearer' }).send({ ...body, amount: 99 });

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ orderId: 'order_a', pointsEarned: 15, amount: '150.00', status: 'completed', duplicate: false });
    expect(repeat.status).toBe(201);
    expect({ ...repeat.body.data, duplicate: false }).toEqual(first.body.data);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('CONFLICT');
  });

  it('POST /orders takes an order id as the business identity, and an Idempotency-Key as the whole request', async () => {
    // Prepare
    const post = (body: object, key?: string) => {
      const call = http().post('/orders').auth(staff, { type: 'bearer' });
      return (key ? call.set('Idempotency-Key', key) : call).send(body);
    };
    const order = { userId: 'user_keyed', amount: 80, currency: 'USD', items: [{ sku: 'lamp', price: 80, quantity: 1 }] };
    const otherItems = { ...order, items: [{ sku: 'LAMP-01', category: 'home', price: 80, quantity: 1 }], channel: 'store' };

    // Act
    const byId = await post({ ...order, orderId: 'order_c' });
    const sameOrderOtherDetails = await post({ ...otherItems, orderId: 'order_c' });
    const byKey = await post(order, 'checkout-1');
    const retried = await post(order, 'checkout-1');
    const keyReused = await post(otherItems, 'checkout-1');

    // Assess
    expect(byId.body.data).toMatchObject({ pointsEarned: 8, duplicate: false });
    expect(sameOrderOtherDetails.status).toBe(201);
    expect(sameOrderOtherDetails.body.data).toMatchObject({ orderId: 'order_c', pointsEarned: 8, duplicate: true });
    expect([byKey.status, retried.status]).toEqual([201, 201]);
    expect(retried.body.data).toMatchObject({ orderId: byKey.body.data.orderId, duplicate: true });
    expect(keyReused.status).toBe(409);
    expect(keyReused.body.error.code).toBe('CONFLICT');
  });

  it('PATCH /orders/{id} reverses refunds proportionally, never beyond what the order earned', async () => {
    // Prepare
    await http().post('/orders').auth(staff, { type: 'bearer' }).send({ orderId: 'order_b', userId: 'user_2', amount: 200, currency: 'USD' });

    // Act
    const partial = await http()
      .patch('/orders/order_b')
      .set('Idempotency-Key', 'refund-1')
      .auth(staff, { type: 'bearer' })
      .send({ status: 'partially_refunded', refundAmount: 100.0 });
    const repeated = await http()
      .patch('/orders/order_b')
      .set('Idempotency-Key', 'refund-1')
      .auth(staff, { type: 'bearer' })
      .send({ status: 'partially_refunded', refundAmount: 100.0 });
    const rest = await http().patch('/orders/order_b').auth(staff, { type: 'bearer' }).send({ status: 'refunded' });
    const points = await http().get('/points/user_2').auth(staff, { type: 'bearer' });

    // Assess
    expect(partial.body.data).toMatchObject({ status: 'partially_refunded', pointsReversed: 10, refundedAmount: '100.00' });
    expect(repeated.body.data).toMatchObject({ pointsReversed: 10, duplicate: true });
    expect(rest.body.data).toMatchObject({ status: 'refunded', pointsReversed: 20 });
    expect(points.body.data).toMatchObject({ balance: 0, lifetime: 0 });
  });

  it('redeems with an Idempotency-Key once, and refuses to overdraw with INSUFFICIENT_POINTS', async () => {
    // Act
    const redeem = (key: string, points: number) =>
      http().post('/points/user_1/redeem').set('Idempotency-Key', key).auth(customer, { type: 'bearer' }).send({ points, reason: 'coffee' });
    const first = await redeem('redeem-1', 5);
    const again = await redeem('redeem-1', 5);
    const reused = await redeem('redeem-1', 6);
    const tooMuch = await redeem('redeem-2', 11);

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ balance: 10, transaction: { type: 'redeemed', points: -5 } });
    expect(again.body.data).toMatchObject({ balance: 10, duplicate: true });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('CONFLICT');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { available: 10, requested: 11 } });
  });

  it('lets staff adjust with a reason and records them; customers may not', async () => {
    // Act
    const byStaff = await http().post('/points/user_1/adjust').auth(staff, { type: 'bearer' }).send({ points: -3, reason: 'typo' });
    const byCustomer = await http().post('/points/user_1/adjust').auth(customer, { type: 'bearer' }).send({ points: 100, reason: 'gift' });
    const noReason = await http().post('/points/user_1/adjust').auth(staff, { type: 'bearer' }).send({ points: 5 });

    // Assess
    expect(byStaff.body.data.transaction).toMatchObject({ type: 'adjusted', points: -3, actor: { sub: 'staff_1', role: 'staff' }, reason: 'typo' });
    expect(byCustomer.status).toBe(403);
    expect(noReason.status).toBe(400);
  });

  it('pages history newest first with a signed nextToken and a type filter', async () => {
    // Act
    const first = await http().get('/points/user_1/history?limit=2').auth(customer, { type: 'bearer' });
    const second = await http().get(`/points/user_1/history?limit=2&nextToken=${first.body.data.nextToken}`).auth(customer, { type: 'bearer' });
    const redeemed = await http().get('/points/user_1/history?type=redeemed').auth(customer, { type: 'bearer' });
    const tampered = await http().get(`/points/user_1/history?limit=2&nextToken=${first.body.data.nextToken}x`).auth(customer, { type: 'bearer' });
    const otherUser = await http().get(`/points/user_2/history?limit=2&nextToken=${first.body.data.nextToken}`).auth(staff, { type: 'bearer' });

    // Assess
    expect(first.body.data.transactions.map((entry: { type: string }) => entry.type)).toEqual(['adjusted', 'redeemed']);
    expect(second.body.data.transactions.map((entry: { type: string }) => entry.type)).toEqual(['earned']);
    expect(second.body.data.nextToken).toBeNull();
    expect(redeemed.body.data.transactions).toHaveLength(1);
    expect(tampered.status).toBe(400);
    expect(otherUser.status).toBe(400);
  });

  it("earns what the estimate said for an order under a running 2× campaign, line by line", async () => {
    // Prepare
    const owner = await tokenFor('owner_1', 'owner');
    const day = 86_400_000;
    const campaign = await http()
      .post('/campaigns')
      .auth(owner, { type: 'bearer' })
      .send({
        name: 'Double points on electronics',
        type: 'purchase_multiplier',
        multiplier: 2,
        conditions: { minAmount: 100, categories: ['electronics'] },
        startDate: new Date(Date.now() - day).toISOString(),
        endDate: new Date(Date.now() + day).toISOString(),
      });
    const order = { orderId: 'order_bf', userId: 'user_3', amount: 150, currency: 'USD', items: [{ sku: 'tv', category: 'electronics', price: 150, quantity: 1 }] };

    // Act
    const estimate = await http().post('/points/estimate').auth(staff, { type: 'bearer' }).send(order);
    const placed = await http().post('/orders').auth(staff, { type: 'bearer' }).send(order);
    const nothingWrittenByEstimate = (await http().get('/points/user_3/history').auth(staff, { type: 'bearer' })).body.data.transactions;

    // Assess
    expect(campaign.status).toBe(201);
    expect(campaign.body.data.status).toBe('active');
    expect(estimate.status).toBe(200);
    expect(estimate.body.data).toMatchObject({ points: 30, pending: false });
    expect(placed.body.data).toMatchObject({ pointsEarned: 30, lines: estimate.body.data.lines });
    expect(estimate.body.data.lines.map((line: { kind: string; points: number }) => [line.kind, line.points])).toEqual([
      ['base', 15],
      ['purchase_multiplier', 15],
    ]);
    expect(nothingWrittenByEstimate).toHaveLength(1);
  });

  it('GET /orders lists a customer only their own orders', async () => {
    // Act
    const own = await http().get('/orders').auth(customer, { type: 'bearer' });
    const others = await http().get('/orders/order_b').auth(customer, { type: 'bearer' });
    const all = await http().get('/orders?status=refunded').auth(staff, { type: 'bearer' });

    // Assess
    expect(own.body.data.orders.map((order: { orderId: string }) => order.orderId)).toEqual(['order_a']);
    expect(others.status).toBe(404);
    expect(all.body.data.orders.map((order: { orderId: string }) => order.orderId)).toEqual(['order_b']);
  });

  it('leaves every account of the tenant equal to the sum of its entries', async () => {
    // Prepare
    const client = createDocumentClient();
    const tableName = process.env['TABLE_NAME'] ?? '';
    const reconcile = dynamoDbReconciler(client, tableName);

    // Act
    const report = await reconcile.execute(tenantId);

    // Assess
    expect(report.drifts).toEqual([]);
    expect(report.accounts).toBeGreaterThanOrEqual(3);
  });
});
