import { SQSClient } from '@aws-sdk/client-sqs';
import { secretFingerprint, shopifyOrderSample } from '@loyalty/domain';
import { signToken, signWebhookSample } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createWebhookTestApp, TestEventsQueue } from '../testing/webhook-intake.fixture';

// Runs against the DynamoDB Local, SQS server and s3rver that the integration set-up starts.
const jwtSecret = process.env['JWT_SECRET'] ?? '';
const sqs = new SQSClient({});
const SECRET = 'whsec_connections_0123456789abcdef';
const NEXT_SECRET = 'whsec_connections_next_0123456789';

describe('tenant webhook connections against the local servers', () => {
  let app: NestExpressApplication;
  let queue: TestEventsQueue;
  const tenantId = `t-${randomUUID()}`;
  const otherTenantId = `t-${randomUUID()}`;
  const bearer = (role: string, tenant = tenantId) => signToken({ sub: `${role}_1`, tenantId: tenant, role }, jwtSecret);
  const api = () => request(app.getHttpServer());
  const put = async (provider: string, body: object, role = 'owner', tenant = tenantId, token?: string) =>
    api().put(`/tenants/${tenant}/webhooks/${provider}`).auth(token ?? (await bearer(role, tenant)), { type: 'bearer' }).send(body);

  /** An orders/paid as a public Shopify app receives it: one URL for every shop, the shop in a header. */
  function shopDelivery(shopDomain: string, secret: string) {
    const sample = shopifyOrderSample('orders/paid', {
      shopDomain,
      currency: 'USD',
      items: [{ sku: 'MUG-1', price: '10.00', quantity: 2 }],
      customer: { id: 7391, email: 'ada@example.com' },
    });
    const { body, headers } = signWebhookSample(sample, { secret, url: 'https://api.example.com/webhooks/shopify' });
    return api().post('/webhooks/shopify').set(headers).send(body);
  }

  beforeAll(async () => {
    queue = await TestEventsQueue.create(sqs);
    app = await createWebhookTestApp(sqs, queue);
    const admin = await bearer('admin', 'platform');
    for (const [id, name] of [
      [tenantId, 'Connected Shop'],
      [otherTenantId, 'Other Shop'],
    ]) {
      await api().post('/tenants').auth(admin, { type: 'bearer' }).send({ tenantId: id, name }).expect(201);
    }
  });

  afterAll(async () => {
    await app.close();
    await queue.delete();
  });

  it('lets the owner connect a provider, showing fingerprints of the secrets and never the secrets', async () => {
    // Act
    const created = await put('custom', { secrets: [SECRET] });
    const listed = await api().get(`/tenants/${tenantId}/webhooks`).auth(await bearer('owner'), { type: 'bearer' });

    // Assess
    expect(created.status).toBe(200);
    expect(created.body.data).toEqual({
      tenantId,
      provider: 'custom',
      secrets: [{ fingerprint: secretFingerprint(SECRET) }],
      path: `/webhooks/custom/${tenantId}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(listed.body.data.connections).toEqual([created.body.data]);
    expect(JSON.stringify([created.body, listed.body])).not.toContain(SECRET);
  });

  it('rotates: the new secret beside the old one, both accepted, then the new one alone', async () => {
    // Prepare
    await put('shopify', { secrets: [SECRET], shopDomain: 'rotating-shop.myshopify.com' });

    // Act
    const rotating = await put('shopify', { secrets: [NEXT_SECRET, SECRET], shopDomain: 'rotating-shop.myshopify.com' });
    const byOld = await shopDelivery('rotating-shop.myshopify.com', SECRET);
    const byNew = await shopDelivery('Rotating-Shop.myshopify.com', NEXT_SECRET);
    const rotated = await put('shopify', { secrets: [NEXT_SECRET], shopDomain: 'rotating-shop.myshopify.com' });
    const byOldAfter = await shopDelivery('rotating-shop.myshopify.com', SECRET);

    // Assess
    expect(rotating.body.data.secrets).toEqual([{ fingerprint: secretFingerprint(NEXT_SECRET) }, { fingerprint: secretFingerprint(SECRET) }]);
    expect([byOld.status, byNew.status]).toEqual([200, 200]);
    expect(rotated.body.data.createdAt).toBe(rotating.body.data.createdAt);
    expect(byOldAfter.status).toBe(401);
    expect(await queue.drain()).toHaveLength(2);
  });

  it("routes POST /webhooks/shopify by the shop domain, and gives a shop to one tenant only", async () => {
    // Prepare
    await put('shopify', { secrets: [SECRET], shopDomain: 'moving-shop.myshopify.com' });

    // Act
    const taken = await put('shopify', { secrets: [SECRET], shopDomain: 'moving-shop.myshopify.com' }, 'owner', otherTenantId);
    const moved = await put('shopify', { secrets: [SECRET], shopDomain: 'moved-shop.myshopify.com' });
    const oldDomain = await shopDelivery('moving-shop.myshopify.com', SECRET);
    const newDomain = await shopDelivery('moved-shop.myshopify.com', SECRET);
    const freed = await put('shopify', { secrets: [SECRET], shopDomain: 'moving-shop.myshopify.com' }, 'owner', otherTenantId);
    const unknown = await shopDelivery('nobody.myshopify.com', SECRET);

    // Assess
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'CONFLICT', details: { fields: { shopDomain: expect.any(String) } } });
    expect(moved.status).toBe(200);
    expect(oldDomain.status).toBe(404);
    expect(newDomain.status).toBe(200);
    expect(freed.status).toBe(200);
    expect(unknown.status).toBe(404);
    const [message] = await queue.drain();
    expect(JSON.parse(message?.Body ?? '{}').detail.tenantId).toBe(tenantId);
  });

  it('removes a connection: its deliveries are refused after, and a second removal is a 404', async () => {
    // Prepare
    await put('shopify', { secrets: [SECRET], shopDomain: 'leaving-shop.myshopify.com' }, 'owner', otherTenantId);

    // Act
    const removed = await api().delete(`/tenants/${otherTenantId}/webhooks/shopify`).auth(await bearer('owner', otherTenantId), { type: 'bearer' });
    const again = await api().delete(`/tenants/${otherTenantId}/webhooks/shopify`).auth(await bearer('owner', otherTenantId), { type: 'bearer' });
    const delivery = await shopDelivery('leaving-shop.myshopify.com', SECRET);
    const reclaimed = await put('shopify', { secrets: [SECRET], shopDomain: 'leaving-shop.myshopify.com' });

    // Assess
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({ provider: 'shopify', deleted: true });
    expect(again.status).toBe(404);
    expect(delivery.status).toBe(404);
    expect(reclaimed.status).toBe(200);
  });

  it('audits every change with before and after, fingerprints only', async () => {
    // Prepare
    await put('hubspot', { secrets: [SECRET] });

    // Act
    await put('hubspot', { secrets: [NEXT_SECRET], signatureVersions: ['v3', 'v2'] });
    await api().delete(`/tenants/${tenantId}/webhooks/hubspot`).auth(await bearer('owner'), { type: 'bearer' });
    const audit = await api().get('/audit?limit=2').auth(await bearer('owner'), { type: 'bearer' });

    // Assess
    const [removal, change] = audit.body.data.records;
    expect(change).toMatchObject({
      action: { method: 'PUT', route: '/tenants/:tenantId/webhooks/:provider', resourceId: 'hubspot' },
      before: { secrets: [{ fingerprint: secretFingerprint(SECRET) }] },
      after: { secrets: [{ fingerprint: secretFingerprint(NEXT_SECRET) }], signatureVersions: ['v3', 'v2'] },
    });
    expect(removal).toMatchObject({ action: { method: 'DELETE', resourceId: 'hubspot' }, before: { provider: 'hubspot' } });
    expect(removal).not.toHaveProperty('after');
    expect(JSON.stringify(audit.body)).not.toMatch(/whsec_/);
  });

  it("lets an admin manage any tenant's connections", async () => {
    // Act
    const response = await put('custom', { secrets: [NEXT_SECRET] }, 'admin', otherTenantId, await bearer('admin', 'platform'));

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.data.tenantId).toBe(otherTenantId);
  });

  it.each([
    ['staff', () => bearer('staff')],
    ['a customer', () => bearer('customer')],
    ['a system caller', () => bearer('system')],
    ["another tenant's owner", () => bearer('owner', otherTenantId)],
  ])('refuses %s: 403 on every connection route, nothing changed', async (_case, token) => {
    // Prepare
    const bearerToken = await token();
    const before = await api().get(`/tenants/${tenantId}/webhooks`).auth(await bearer('owner'), { type: 'bearer' });

    // Act
    const responses = await Promise.all([
      api().get(`/tenants/${tenantId}/webhooks`).auth(bearerToken, { type: 'bearer' }),
      api().put(`/tenants/${tenantId}/webhooks/custom`).auth(bearerToken, { type: 'bearer' }).send({ secrets: ['whsec_intruder_0123456789abcdef'] }),
      api().delete(`/tenants/${tenantId}/webhooks/custom`).auth(bearerToken, { type: 'bearer' }),
    ]);
    const after = await api().get(`/tenants/${tenantId}/webhooks`).auth(await bearer('owner'), { type: 'bearer' });

    // Assess
    expect(responses.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(after.body).toEqual(before.body);
  });

  it.each([
    ['no secret', 'custom', { secrets: [] }, 'secrets'],
    ['three secrets', 'custom', { secrets: ['a'.repeat(16), 'b'.repeat(16), 'c'.repeat(16)] }, 'secrets'],
    ['a short secret', 'custom', { secrets: ['short'] }, 'secrets'],
    ['the same secret twice', 'custom', { secrets: [SECRET, SECRET] }, 'secrets'],
    ['a shop domain for Stripe', 'stripe', { secrets: [SECRET], shopDomain: 'x.myshopify.com' }, 'shopDomain'],
    ['a domain that is no Shopify shop', 'shopify', { secrets: [SECRET], shopDomain: 'example.com' }, 'shopDomain'],
    ['signature versions for Shopify', 'shopify', { secrets: [SECRET], signatureVersions: ['v3'] }, 'signatureVersions'],
    ['an unknown signature version', 'hubspot', { secrets: [SECRET], signatureVersions: ['v4'] }, 'signatureVersions'],
    ['an unknown field', 'custom', { secrets: [SECRET], url: 'https://x' }, 'url'],
  ])('refuses %s with 400 naming the field', async (_case, provider, body, field) => {
    // Act
    const response = await put(provider, body);

    // Assess
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details.fields)).toContain(field);
  });

  it('refuses an unknown provider with 400, and a tenant that does not exist with 404', async () => {
    // Act
    const provider = await put('paypal', { secrets: [SECRET] });
    const tenant = await put('custom', { secrets: [SECRET] }, 'admin', `t-${randomUUID()}`, await bearer('admin', 'platform'));

    // Assess
    expect(provider.status).toBe(400);
    expect(tenant.status).toBe(404);
  });
});
