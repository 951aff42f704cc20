import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { CachedCampaignReader, createDocumentClient, keys } from '@loyalty/domain';
import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { startTestApp } from '../testing/start-test-app';

// Campaigns through the API, against the local servers the integration set-up starts.
const secret = process.env['JWT_SECRET'] ?? '';

/** The seed's `POST /campaigns` body, exactly as the seed gives it. */
const blackFriday = {
  name: 'Black Friday 2X Points',
  type: 'purchase_multiplier',
  multiplier: 2,
  conditions: {
    minAmount: 100,
    categories: ['electronics', 'clothing'],
  },
  startDate: '2025-11-24T00:00:00Z',
  endDate: '2025-11-26T23:59:59Z',
};
const openEnded = { name: 'Double points', type: 'purchase_multiplier', multiplier: 2 };

describe('campaigns endpoints', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const newTenant = () => `t-${randomUUID()}`;
  const tokenFor = (tenantId: string, role: string, sub = `${role}_1`) => signToken({ sub, tenantId, role }, secret);

  /** A tenant with its owner's, staff's and a customer's tokens. */
  async function tenant() {
    const tenantId = newTenant();
    return {
      tenantId,
      owner: await tokenFor(tenantId, 'owner'),
      staff: await tokenFor(tenantId, 'staff'),
      customer: await tokenFor(tenantId, 'customer', 'user_1'),
    };
  }

  async function create(token: string, body: object, query = '') {
    const response = await http().post(`/campaigns${query}`).auth(token, { type: 'bearer' }).send(body);
    expect(response.status).toBe(201);
    return response.body.data as { campaignId: string; status: string };
  }

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await startTestApp(moduleRef);
  });

  afterAll(() => app.close());

  it("accepts the seed's Black Friday body as given and reads it back the same, money as decimal text", async () => {
    // Prepare
    const { owner } = await tenant();

    // Act
    const created = await http().post('/campaigns').auth(owner, { type: 'bearer' }).send(blackFriday);
    const read = await http().get(`/campaigns/${created.body.data.campaignId}`).auth(owner, { type: 'bearer' });

    // Assess
    expect(created.status).toBe(201);
    expect(created.body.data.campaignId).toMatch(/^camp_[0-9A-HJKMNP-TV-Z]{26}$/);
    // Its dates are past: the seed's 2025 Black Friday has ended.
    expect(created.body.data).toEqual({
      campaignId: created.body.data.campaignId,
      status: 'ended',
      name: 'Black Friday 2X Points',
      type: 'purchase_multiplier',
      multiplier: 2,
      currency: 'USD',
      timeZone: 'UTC',
      startDate: '2025-11-24T00:00:00.000Z',
      endDate: '2025-11-26T23:59:59.000Z',
      conditions: { minAmount: '100.00', categories: ['electronics', 'clothing'] },
      limits: {},
      priority: 0,
      exclusive: false,
      createdAt: expect.any(String),
      updatedAt: created.body.data.createdAt,
    });
    expect(Date.parse(created.body.data.startDate)).toBe(Date.parse(blackFriday.startDate));
    expect(Date.parse(created.body.data.endDate)).toBe(Date.parse(blackFriday.endDate));
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(created.body.data);
  });

  it("fills in the tenant's currency and time zone, and shows amounts in the currency's decimals", async () => {
    // Prepare
    const { tenantId, owner } = await tenant();
    await createDocumentClient().send(
      new PutCommand({
        TableName: process.env['TABLE_NAME'],
        Item: { ...keys.tenant(tenantId), program: { currency: 'JPY', timeZone: 'Asia/Tokyo' } },
      }),
    );

    // Act
    const created = await create(owner, { name: 'Spend 10,000', type: 'spend_threshold', threshold: 10000, points: 50, startDate: '2099-01-01' });

    // Assess
    expect(created).toMatchObject({
      status: 'scheduled',
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
      threshold: '10000',
      startDate: '2098-12-31T15:00:00.000Z',
    });
  });

  it('creates once per Idempotency-Key; the same key with another body is a 409', async () => {
    // Prepare
    const { owner } = await tenant();
    const post = (body: object) =>
      http().post('/campaigns').set('Idempotency-Key', 'bf-2026').auth(owner, { type: 'bearer' }).send(body);

    // Act
    const first = await post(blackFriday);
    const repeat = await post(blackFriday);
    const other = await post({ ...blackFriday, multiplier: 3 });
    const listed = await http().get('/campaigns').auth(owner, { type: 'bearer' });

    // Assess
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.body.data).toEqual(first.body.data);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
    expect(listed.body.data.campaigns).toHaveLength(1);
  });

  it.each([
    ['a negative multiplier', { ...openEnded, multiplier: -2 }, ['multiplier']],
    ['an end before the start', { ...blackFriday, endDate: '2025-11-23' }, ['endDate']],
    ['an unknown kind', { name: 'Mystery', type: 'mystery_box', points: 5 }, ['type']],
    ['unknown fields, nested too', { ...openEnded, status: 'draft', conditions: { minAmmount: 100 } }, ['status', 'conditions.minAmmount']],
    ['an amount with too many decimals', { ...openEnded, conditions: { minAmount: 10.001 } }, ['conditions.minAmount']],
    ['no body', undefined, ['body']],
    ['a list', [openEnded], ['body']],
  ])('refuses %s with 400 and the fields at fault, writing nothing', async (_case, body, fields) => {
    // Prepare
    const { owner } = await tenant();

    // Act
    const response = await http().post('/campaigns').auth(owner, { type: 'bearer' }).send(body);
    const listed = await http().get('/campaigns').auth(owner, { type: 'bearer' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(response.body.error.details.fields).sort()).toEqual([...fields].sort());
    expect(listed.body.data).toEqual({ campaigns: [], nextToken: null });
  });

  it('moves a campaign between draft, scheduled, active, paused and ended, refusing impossible moves with 409', async () => {
    // Prepare
    const { owner } = await tenant();
    const { campaignId, status } = await create(owner, { ...openEnded, startDate: '2099-01-01' }, '?draft=true');
    const post = (action: string) => http().post(`/campaigns/${campaignId}/${action}`).auth(owner, { type: 'bearer' });
    const patch = (changes: object) => http().patch(`/campaigns/${campaignId}`).auth(owner, { type: 'bearer' }).send(changes);

    // Act
    const pauseDraft = await post('pause');
    const scheduled = await post('activate');
    const started = await patch({ startDate: null });
    const activeAgain = await post('activate');
    const paused = await post('pause');
    const pausedAgain = await post('pause');
    const resumed = await post('activate');
    const ended = await patch({ startDate: '2020-01-01', endDate: '2020-12-31' });
    const activateEnded = await post('activate');
    const pauseEnded = await post('pause');

    // Assess
    expect(status).toBe('draft');
    expect(pauseDraft.status).toBe(409);
    expect(pauseDraft.body.error).toMatchObject({ code: 'CONFLICT', details: { status: 'draft', action: 'pause' } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data.status).toBe('scheduled');
    expect(started.body.data.status).toBe('active');
    expect(started.body.data.startDate).toBeUndefined();
    expect(activeAgain.body.data).toEqual(started.body.data);
    expect(paused.body.data.status).toBe('paused');
    expect(pausedAgain.body.data.status).toBe('paused');
    expect(resumed.body.data.status).toBe('active');
    expect(ended.body.data).toMatchObject({ status: 'ended', endDate: '2020-12-31T23:59:59.999Z' });
    expect(activateEnded.status).toBe(409);
    expect(activateEnded.body.error.code).toBe('CONFLICT');
    expect(pauseEnded.status).toBe(409);
  });

  it('merges a PATCH into the campaign, validates the result as a whole and keeps the campaign when it fails', async () => {
    // Prepare
    const { owner } = await tenant();
    const { campaignId } = await create(owner, blackFriday);
    const patch = (changes: unknown) => http().patch(`/campaigns/${campaignId}`).auth(owner, { type: 'bearer' }).send(changes as object);

    // Act
    const merged = await patch({ multiplier: 3, conditions: { minAmount: '50.5', categories: null }, endDate: null });
    const badDates = await patch({ endDate: '2025-11-01' });
    const otherType = await patch({ type: 'flat_bonus', points: 10 });
    const read = await http().get(`/campaigns/${campaignId}`).auth(owner, { type: 'bearer' });

    // Assess
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ status: 'active', multiplier: 3, conditions: { minAmount: '50.50' } });
    expect(merged.body.data.conditions.categories).toBeUndefined();
    expect(merged.body.data.endDate).toBeUndefined();
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.details).toEqual({ fields: { endDate: 'after startDate' } });
    expect(otherType.status).toBe(400);
    expect(Object.keys(otherType.body.error.details.fields)).toEqual(['type']);
    expect(read.body.data).toEqual(merged.body.data);
  });

  it("hides a campaign from another tenant: 404 to read or change it, absent from their list", async () => {
    // Prepare
    const mine = await tenant();
    const theirs = await tenant();
    const { campaignId } = await create(mine.owner, openEnded);
    const as = (token: string) => ({
      get: () => http().get(`/campaigns/${campaignId}`).auth(token, { type: 'bearer' }),
      patch: () => http().patch(`/campaigns/${campaignId}`).auth(token, { type: 'bearer' }).send({ multiplier: 5 }),
      pause: () => http().post(`/campaigns/${campaignId}/pause`).auth(token, { type: 'bearer' }),
      activate: () => http().post(`/campaigns/${campaignId}/activate`).auth(token, { type: 'bearer' }),
      list: () => http().get('/campaigns').auth(token, { type: 'bearer' }),
    });
    const admin = await tokenFor(theirs.tenantId, 'admin');

    // Act
    const responses = [await as(theirs.owner).get(), await as(admin).patch(), await as(admin).pause(), await as(theirs.owner).activate()];
    const theirList = await as(theirs.staff).list();
    const unchanged = await as(mine.owner).get();

    // Assess
    expect(responses.map((response) => [response.status, response.body.error.code])).toEqual(Array(4).fill([404, 'NOT_FOUND']));
    expect(theirList.body.data.campaigns).toEqual([]);
    expect(unchanged.body.data).toMatchObject({ status: 'active', multiplier: 2 });
  });

  it('lets owners and admins manage campaigns, staff read them all, and customers see only what is active', async () => {
    // Prepare
    const { tenantId, owner, staff, customer } = await tenant();
    const admin = await tokenFor(tenantId, 'admin');
    const active = await create(owner, openEnded);
    const draft = await create(admin, { ...openEnded, name: 'Next month' }, '?draft=true');

    // Act
    const byCustomer = await http().post('/campaigns').auth(customer, { type: 'bearer' }).send(openEnded);
    const byStaff = await http().post('/campaigns').auth(staff, { type: 'bearer' }).send(openEnded);
    const pausedByCustomer = await http().post(`/campaigns/${active.campaignId}/pause`).auth(customer, { type: 'bearer' });
    const patchedByStaff = await http().patch(`/campaigns/${active.campaignId}`).auth(staff, { type: 'bearer' }).send({ multiplier: 9 });
    const staffList = await http().get('/campaigns').auth(staff, { type: 'bearer' });
    const customerList = await http().get('/campaigns').auth(customer, { type: 'bearer' });
    const customerDrafts = await http().get('/campaigns?status=draft').auth(customer, { type: 'bearer' });
    const customerDraft = await http().get(`/campaigns/${draft.campaignId}`).auth(customer, { type: 'bearer' });
    const customerActive = await http().get(`/campaigns/${active.campaignId}`).auth(customer, { type: 'bearer' });

    // Assess
    expect([byCustomer.status, byStaff.status, pausedByCustomer.status, patchedByStaff.status]).toEqual([403, 403, 403, 403]);
    expect(byCustomer.body.error.code).toBe('FORBIDDEN');
    expect(staffList.body.data.campaigns.map((campaign: { campaignId: string }) => campaign.campaignId)).toEqual([
      draft.campaignId,
      active.campaignId,
    ]);
    expect(customerList.body.data.campaigns.map((campaign: { campaignId: string }) => campaign.campaignId)).toEqual([
      active.campaignId,
    ]);
    expect(customerDrafts.status).toBe(403);
    expect(customerDraft.status).toBe(404);
    expect(customerActive.body.data).toMatchObject({ campaignId: active.campaignId, status: 'active', multiplier: 2 });
  });

  it('lists newest first by status, page by page, with a nextToken bound to the tenant and the filter', async () => {
    // Prepare
    const { owner, staff } = await tenant();
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) ids.push((await create(owner, { ...openEnded, name })).campaignId);
    await create(owner, { ...openEnded, name: 'Draft' }, '?draft=true');
    const list = (query: string, token = owner) => http().get(`/campaigns${query}`).auth(token, { type: 'bearer' });

    // Act
    const first = await list('?status=active&limit=2');
    const second = await list(`?status=active&limit=2&nextToken=${first.body.data.nextToken}`);
    const otherFilter = await list(`?status=draft&limit=2&nextToken=${first.body.data.nextToken}`);
    const tampered = await list(`?status=active&limit=2&nextToken=${first.body.data.nextToken}x`);
    const otherTenant = await list(`?status=active&limit=2&nextToken=${first.body.data.nextToken}`, (await tenant()).owner);
    const badStatus = await list('?status=running', staff);
    const badLimit = await list('?limit=101', staff);

    // Assess
    const names = (response: request.Response) => response.body.data.campaigns.map((campaign: { name: string }) => campaign.name);
    expect(names(first)).toEqual(['Three', 'Two']);
    expect(names(second)).toEqual(['One']);
    expect(second.body.data.nextToken).toBeNull();
    expect([otherFilter.status, tampered.status, otherTenant.status, badStatus.status, badLimit.status]).toEqual([400, 400, 400, 400, 400]);
  });

  it("makes this process's cached campaigns see a change at once", async () => {
    // Prepare
    const { tenantId, owner } = await tenant();
    const cache = app.get(CachedCampaignReader);
    const { campaignId } = await create(owner, openEnded);
    const before = await cache.listCampaigns(tenantId);

    // Act
    await http().post(`/campaigns/${campaignId}/pause`).auth(owner, { type: 'bearer' });
    const after = await cache.listCampaigns(tenantId);

    // Assess
    expect(before.map((campaign) => campaign.control)).toEqual(['live']);
    expect(after.map((campaign) => campaign.control)).toEqual(['paused']);
  });
});
