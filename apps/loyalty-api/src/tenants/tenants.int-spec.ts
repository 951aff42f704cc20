import { DEFAULT_PROGRAM } from '@loyalty/domain';
import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { startTestApp } from '../testing/start-test-app';

// Runs against the DynamoDB Local and SQS server that the integration test set-up starts, with the
// local stack's settings (table, queue, JWT secret) in the environment.
const secret = process.env['JWT_SECRET'] ?? '';

describe('tenants and the audit trail against the local servers', () => {
  let app: NestExpressApplication;
  const tenantId = `t-${randomUUID()}`;
  const bearer = (role: string, tenant = tenantId, sub = `${role}_1`) => signToken({ sub, tenantId: tenant, role }, secret);
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await startTestApp(moduleRef);
    const created = await api()
      .post('/tenants')
      .auth(await bearer('admin', 'platform'), { type: 'bearer' })
      .send({ tenantId, name: 'Café Lumière', program: { pendingDays: 14, expiry: { kind: 'days_after_earning', days: 365 } } });
    expect(created.status).toBe(201);
  });

  afterAll(() => app.close());

  describe('POST /tenants', () => {
    it('creates a tenant with the defaults for the settings left out', async () => {
      // Prepare
      const newTenantId = `t-${randomUUID()}`;

      // Act
      const response = await api()
        .post('/tenants')
        .auth(await bearer('admin', 'platform'), { type: 'bearer' })
        .send({ tenantId: newTenantId, name: 'Corner Shop' });

      // Assess
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        success: true,
        data: { tenantId: newTenantId, name: 'Corner Shop', program: DEFAULT_PROGRAM, createdAt: expect.any(String), updatedAt: expect.any(String) },
      });
    });

    it('answers an id that is taken with 409 CONFLICT', async () => {
      // Act
      const response = await api()
        .post('/tenants')
        .auth(await bearer('admin', 'platform'), { type: 'bearer' })
        .send({ tenantId, name: 'Impostor' });

      // Assess
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('CONFLICT');
    });

    it.each(['owner', 'staff', 'customer', 'system'])('is for admins only: %s gets 403', async (role) => {
      // Act
      const response = await api()
        .post('/tenants')
        .auth(await bearer(role), { type: 'bearer' })
        .send({ tenantId: `t-${randomUUID()}`, name: 'Mine' });

      // Assess
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    });

    it('refuses unknown fields and invalid values with 400 and every field named, writing nothing', async () => {
      // Prepare
      const newTenantId = `t-${randomUUID()}`;
      const admin = await bearer('admin', 'platform');

      // Act
      const unknown = await api()
        .post('/tenants')
        .auth(admin, { type: 'bearer' })
        .send({ tenantId: newTenantId, name: 'Shop', plan: 'gold', program: { earnRule: { points: 1, perAmount: 10, bonus: 5 } } });
      const invalid = await api()
        .post('/tenants')
        .auth(admin, { type: 'bearer' })
        .send({ tenantId: newTenantId, name: ' ', program: { pendingDays: -1, timeZone: 'Mars/Olympus' } });
      const afterwards = await api().get(`/tenants/${newTenantId}`).auth(admin, { type: 'bearer' });

      // Assess
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.fields).toEqual({
        plan: 'property plan should not exist',
        'program.earnRule.bonus': 'property bonus should not exist',
      });
      expect(invalid.status).toBe(400);
      expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual(['name', 'program.pendingDays', 'program.timeZone']);
      expect(afterwards.status).toBe(404);
    });
  });

  describe('GET /tenants/{tenantId}', () => {
    it("shows the owner their own tenant's program", async () => {
      // Act
      const response = await api().get(`/tenants/${tenantId}`).auth(await bearer('owner'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        tenantId,
        name: 'Café Lumière',
        program: { ...DEFAULT_PROGRAM, pendingDays: 14, expiry: { kind: 'days_after_earning', days: 365 } },
      });
    });

    it("refuses an owner another tenant's profile, existing or not", async () => {
      // Prepare
      const otherOwner = await bearer('owner', `t-${randomUUID()}`);

      // Act
      const response = await api().get(`/tenants/${tenantId}`).auth(otherOwner, { type: 'bearer' });

      // Assess
      expect(response.status).toBe(403);
    });

    it.each(['staff', 'customer'])('refuses %s with 403', async (role) => {
      // Act
      const response = await api().get(`/tenants/${tenantId}`).auth(await bearer(role), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(403);
    });

    it('answers an admin asking for a tenant that does not exist with 404', async () => {
      // Act
      const response = await api().get(`/tenants/t-${randomUUID()}`).auth(await bearer('admin', 'platform'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('PATCH /tenants/{tenantId} and the audit trail', () => {
    it('lets the owner change the program, and records who changed what, before and after', async () => {
      // Prepare
      const owner = await bearer('owner');

      // Act
      const patched = await api()
        .patch(`/tenants/${tenantId}`)
        .auth(owner, { type: 'bearer' })
        .send({ program: { earnRule: { points: 2, perAmount: 10 }, createCustomersFromEvents: false } });
      const audit = await api().get('/audit?limit=1').auth(owner, { type: 'bearer' });
      const shown = await api().get(`/tenants/${tenantId}`).auth(owner, { type: 'bearer' });

      // Assess
      expect(patched.status).toBe(200);
      expect(patched.body.data.program).toMatchObject({ earnRule: { points: 2, perAmount: 10 }, pendingDays: 14, createCustomersFromEvents: false });
      expect(shown.body.data.program).toMatchObject({ createCustomersFromEvents: false });
      expect(audit.status).toBe(200);
      expect(audit.body.data.records).toEqual([
        expect.objectContaining({
          tenantId,
          actor: { sub: 'owner_1', role: 'owner' },
          action: { method: 'PATCH', route: '/tenants/:tenantId', resourceId: tenantId },
          requestId: patched.headers['x-request-id'],
          before: expect.objectContaining({ program: expect.objectContaining({ earnRule: { points: 1, perAmount: 10 } }) }),
          after: patched.body.data,
        }),
      ]);
    });

    it('refuses an invalid change with 400 and keeps the tenant as it was', async () => {
      // Prepare
      const owner = await bearer('owner');
      const before = await api().get(`/tenants/${tenantId}`).auth(owner, { type: 'bearer' });

      // Act
      const response = await api()
        .patch(`/tenants/${tenantId}`)
        .auth(owner, { type: 'bearer' })
        .send({ program: { expiry: { kind: 'none', days: 30 } } });
      const after = await api().get(`/tenants/${tenantId}`).auth(owner, { type: 'bearer' });

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual({ 'program.expiry': expect.any(String) });
      expect(after.body.data).toEqual(before.body.data);
    });

    it('lists the trail newest first, page by page, with signed tokens', async () => {
      // Prepare
      const owner = await bearer('owner');
      for (const name of ['One', 'Two', 'Three']) {
        await api().patch(`/tenants/${tenantId}`).auth(owner, { type: 'bearer' }).send({ name });
      }

      // Act
      const first = await api().get('/audit?limit=2').auth(owner, { type: 'bearer' });
      const second = await api().get(`/audit?limit=2&nextToken=${first.body.data.nextToken}`).auth(owner, { type: 'bearer' });
      const tampered = await api().get(`/audit?limit=2&nextToken=${first.body.data.nextToken}x`).auth(owner, { type: 'bearer' });

      // Assess
      expect(first.body.data.records.map((record: { after: { name: string } }) => record.after.name)).toEqual(['Three', 'Two']);
      expect(second.body.data.records[0].after.name).toBe('One');
      expect(tampered.status).toBe(400);
      expect(tampered.body.error.code).toBe('VALIDATION_ERROR');
    });

    it("does not accept one tenant's token for another tenant's trail", async () => {
      // Prepare
      const owner = await bearer('owner');
      const first = await api().get('/audit?limit=1').auth(owner, { type: 'bearer' });
      const otherAdmin = await bearer('admin', 'platform');

      // Act
      const replayed = await api()
        .get(`/audit?limit=1&nextToken=${first.body.data.nextToken}`)
        .set('X-Tenant-Id', `t-${randomUUID()}`)
        .auth(otherAdmin, { type: 'bearer' });

      // Assess
      expect(replayed.status).toBe(400);
    });

    it("shows an admin any tenant's trail through X-Tenant-Id, including the tenant's creation", async () => {
      // Act
      const response = await api()
        .get('/audit?limit=100')
        .set('X-Tenant-Id', tenantId)
        .auth(await bearer('admin', 'platform'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data.records.at(-1)).toMatchObject({
        actor: { sub: 'admin_1', role: 'admin' },
        action: { method: 'POST', route: '/tenants', resourceId: tenantId },
        after: { tenantId, name: 'Café Lumière' },
      });
    });

    it.each([
      ['staff', 403],
      ['customer', 403],
    ])('keeps the trail from %s', async (role, status) => {
      // Act
      const response = await api().get('/audit').auth(await bearer(role), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(status);
    });

    it.each(['0', '101', 'ten'])('refuses limit=%s with 400', async (limit) => {
      // Act
      const response = await api().get(`/audit?limit=${limit}`).auth(await bearer('owner'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.error.details.fields)).toEqual(['limit']);
    });
  });
});
