import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { Campaign, newCampaign } from '../campaigns/campaign';
import { blackFridayBody, campaignFrom } from '../campaigns/campaign.fixture';
import { applyCampaignChanges } from '../campaigns/campaign-changes';
import { StoredCampaign } from '../campaigns/campaign-repository';
import { activateCampaign, pauseCampaign } from '../campaigns/campaign-status';
import { ChangeCampaign } from '../campaigns/change-campaign';
import { parseCampaignDefinition } from '../campaigns/parse-campaign-definition';
import { createDocumentClient } from './document-client';
import { DynamoDbCampaignRepository } from './dynamodb-campaign-repository';
import { keys } from './keys';

// Runs against the DynamoDB Local that the integration test set-up starts (TABLE_NAME, endpoint).
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const newTenant = () => `t-${randomUUID()}`;
const created = new Date('2026-01-05T10:00:00.000Z');
const later = new Date('2026-01-06T10:00:00.000Z');
const openEndedBody = { name: 'Double points', type: 'purchase_multiplier', multiplier: 2 };

function campaignOf(body: Record<string, unknown>, campaignId: string, control: Campaign['control'] = 'live'): Campaign {
  const parsed = parseCampaignDefinition(body, { currency: 'USD', timeZone: 'Europe/Paris' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.details));
  return { ...newCampaign(campaignId, parsed.value), control };
}

/** Another owner renames the campaign between this writer's read and its write, `races` times. */
class RacingRepository extends DynamoDbCampaignRepository {
  constructor(private races: number) {
    super(client, tableName, () => later);
  }

  override async getCampaign(tenantId: string, campaignId: string): Promise<StoredCampaign | undefined> {
    const read = await super.getCampaign(tenantId, campaignId);
    if (read && this.races-- > 0) {
      await super.updateCampaign(tenantId, { ...read, name: `${read.name} (renamed)` }, read.version);
    }
    return read;
  }
}

describe('DynamoDbCampaignRepository against DynamoDB Local', () => {
  const repository = new DynamoDbCampaignRepository(client, tableName, () => created);

  it("stores the seed's Black Friday campaign as its JSON body and reads back the same campaign", async () => {
    // Prepare
    const tenantId = newTenant();
    const campaign = campaignFrom(blackFridayBody, 'camp_bf');

    // Act
    const stored = await repository.createCampaign(tenantId, campaign);
    const read = await repository.getCampaign(tenantId, 'camp_bf');
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.campaign(tenantId, 'camp_bf') }));

    // Assess
    const expected = { ...campaign, version: 1, createdAt: created.toISOString(), updatedAt: created.toISOString() };
    expect(stored).toEqual({ ok: true, value: expected });
    expect(read).toEqual(expected);
    expect(Item).toMatchObject({
      PK: `TENANT#${tenantId}#CAMPAIGNS`,
      SK: 'CAMPAIGN#camp_bf',
      entityType: 'CAMPAIGN',
      campaignId: 'camp_bf',
      control: 'live',
      version: 1,
      body: {
        name: 'Black Friday 2X Points',
        type: 'purchase_multiplier',
        multiplier: 2,
        currency: 'USD',
        conditions: { minAmount: 100, categories: ['electronics', 'clothing'] },
        startDate: '2025-11-24T00:00:00.000Z',
        endDate: '2025-11-26T23:59:59.000Z',
      },
    });
  });

  it.each([
    ['a spend threshold in yen', { name: 'Spend 10,000', type: 'spend_threshold', threshold: 10000, points: 50, currency: 'JPY' }],
    ['a milestone on lifetime spend in dinars', { name: 'Big spender', type: 'milestone', lifetimeSpend: '1000.125', points: 500, currency: 'KWD' }],
    ['a milestone on the nth order', { name: 'Tenth order', type: 'milestone', nthOrder: 10, points: 100 }],
    ['a signup bonus by default', { name: 'Welcome', type: 'signup_bonus' }],
    ['a birthday bonus', { name: 'Happy birthday', type: 'birthday', points: 200, conditions: { channels: ['app'] } }],
    ['a referral', { name: 'Bring a friend', type: 'referral', referrerPoints: 300, refereePoints: 100, maxReferralsPerReferrer: 5 }],
    [
      'a flat bonus with every condition and limit',
      {
        name: 'Late night',
        description: 'Night owls',
        type: 'flat_bonus',
        points: 25,
        startDate: '2026-03-29',
        endDate: '2026-10-25T02:30',
        conditions: {
          minAmount: 9.99,
          skus: ['sku-1'],
          categories: ['Books'],
          channels: ['web'],
          tiers: ['gold'],
          firstOrder: false,
          daysOfWeek: ['fri', 'sat'],
          hours: { from: '22:00', to: '02:00' },
        },
        limits: { perCustomer: { period: 'week', maxTimes: 2 }, budget: 10000 },
        priority: 10,
        exclusive: true,
      },
    ],
  ])('round-trips %s exactly, amounts included', async (_case, body) => {
    // Prepare
    const tenantId = newTenant();
    const campaign = campaignOf(body, 'camp_1');

    // Act
    await repository.createCampaign(tenantId, campaign);
    const read = await repository.getCampaign(tenantId, 'camp_1');

    // Assess
    expect(read).toEqual({ ...campaign, version: 1, createdAt: created.toISOString(), updatedAt: created.toISOString() });
  });

  it("lists every campaign of the tenant, whatever its status, with one Query and nothing of another tenant's", async () => {
    // Prepare
    const tenantId = newTenant();
    const otherTenant = newTenant();
    const draft = campaignOf({ name: 'Draft', type: 'flat_bonus', points: 5 }, 'camp_a', 'draft');
    const live = campaignOf({ name: 'Live', type: 'flat_bonus', points: 5 }, 'camp_b');
    const paused = campaignOf({ name: 'Paused', type: 'flat_bonus', points: 5 }, 'camp_c', 'paused');
    const ended = campaignFrom(blackFridayBody, 'camp_d');
    for (const campaign of [draft, live, paused, ended]) await repository.createCampaign(tenantId, campaign);
    await repository.createCampaign(otherTenant, campaignOf({ name: 'Theirs', type: 'flat_bonus', points: 5 }, 'camp_e'));
    const send = jest.spyOn(client, 'send');

    // Act
    const listed = await repository.listCampaigns(tenantId);

    // Assess
    expect(listed.map((campaign) => [campaign.campaignId, campaign.control])).toEqual([
      ['camp_a', 'draft'],
      ['camp_b', 'live'],
      ['camp_c', 'paused'],
      ['camp_d', 'live'],
    ]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toBeInstanceOf(QueryCommand);
    send.mockRestore();
    expect(await repository.listCampaigns(newTenant())).toEqual([]);
  });

  it('updates under the version read, keeps createdAt, and refuses a stale version as a CONFLICT writing nothing', async () => {
    // Prepare
    const tenantId = newTenant();
    await repository.createCampaign(tenantId, campaignFrom(blackFridayBody, 'camp_bf'));
    const stored = (await repository.getCampaign(tenantId, 'camp_bf')) as StoredCampaign;
    const laterRepository = new DynamoDbCampaignRepository(client, tableName, () => later);
    const tripled = applyCampaignChanges(stored, { multiplier: 3 });
    if (!tripled.ok) throw tripled.error;

    // Act
    const updated = await laterRepository.updateCampaign(tenantId, tripled.value, 1);
    const stale = await laterRepository.updateCampaign(tenantId, { ...tripled.value, control: 'paused' as const }, 1);

    // Assess
    expect(updated).toEqual({
      ok: true,
      value: { ...tripled.value, version: 2, createdAt: created.toISOString(), updatedAt: later.toISOString() },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { campaignId: 'camp_bf', expectedVersion: 1 } } });
    expect(await repository.getCampaign(tenantId, 'camp_bf')).toEqual(updated.ok && updated.value);
  });

  it('creates once per Idempotency-Key: a repeat gives the first campaign as it is now, another campaign a CONFLICT', async () => {
    // Prepare
    const tenantId = newTenant();
    const first = await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_1'), 'key-1');
    await repository.updateCampaign(tenantId, { ...campaignOf(openEndedBody, 'camp_1'), control: 'paused' }, 1);

    // Act
    const repeats = await Promise.all(
      ['camp_2', 'camp_3'].map((campaignId) => repository.createCampaign(tenantId, campaignOf(openEndedBody, campaignId), 'key-1')),
    );
    const other = await repository.createCampaign(tenantId, campaignOf({ ...openEndedBody, multiplier: 3 }, 'camp_4'), 'key-1');
    const sameBodyOtherKey = await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_5'), 'key-2');

    // Assess
    expect(first).toMatchObject({ ok: true, value: { campaignId: 'camp_1', control: 'live', version: 1 } });
    expect(repeats).toEqual([repeats[0], repeats[0]]);
    expect(repeats[0]).toMatchObject({ ok: true, value: { campaignId: 'camp_1', control: 'paused', version: 2 } });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { idempotencyKey: 'key-1' } } });
    expect(sameBodyOtherKey).toMatchObject({ ok: true, value: { campaignId: 'camp_5' } });
    expect((await repository.listCampaigns(tenantId)).map((campaign) => campaign.campaignId)).toEqual(['camp_1', 'camp_5']);
  });

  it('does not update a campaign that does not exist', async () => {
    // Act
    const updated = await repository.updateCampaign(newTenant(), campaignFrom(blackFridayBody, 'camp_none'), 1);

    // Assess
    expect(updated).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('ChangeCampaign against DynamoDB Local', () => {
  const repository = new DynamoDbCampaignRepository(client, tableName, () => created);
  const now = new Date('2026-01-05T12:00:00Z');

  it('applies a change again on what a concurrent writer stored, losing neither', async () => {
    // Prepare
    const tenantId = newTenant();
    await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_1'));

    // Act
    const changed = await new ChangeCampaign(new RacingRepository(1)).execute(tenantId, 'camp_1', (current) =>
      applyCampaignChanges(current, { multiplier: 3 }),
    );

    // Assess
    expect(changed).toMatchObject({
      ok: true,
      value: { name: 'Double points (renamed)', reward: { multiplier: 3 }, version: 3 },
    });
  });

  it('gives up with a CONFLICT after losing three races in a row', async () => {
    // Prepare
    const tenantId = newTenant();
    await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_1'));

    // Act
    const changed = await new ChangeCampaign(new RacingRepository(3)).execute(tenantId, 'camp_1', (current) =>
      pauseCampaign(current, now),
    );

    // Assess
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await repository.getCampaign(tenantId, 'camp_1')).toMatchObject({ control: 'live', version: 4 });
  });

  it('writes nothing when the change leaves the campaign as it is', async () => {
    // Prepare
    const tenantId = newTenant();
    await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_1'));

    // Act
    const changed = await new ChangeCampaign(repository).execute(tenantId, 'camp_1', (current) => activateCampaign(current, now));

    // Assess
    expect(changed).toMatchObject({ ok: true, value: { control: 'live', version: 1 } });
  });

  it('returns the refusal of the change, and NOT_FOUND for a campaign of another tenant', async () => {
    // Prepare
    const tenantId = newTenant();
    await repository.createCampaign(tenantId, campaignOf(openEndedBody, 'camp_1', 'draft'));
    const changes = new ChangeCampaign(repository);

    // Act
    const pauseDraft = await changes.execute(tenantId, 'camp_1', (current) => pauseCampaign(current, now));
    const elsewhere = await changes.execute(newTenant(), 'camp_1', (current) => activateCampaign(current, now));

    // Assess
    expect(pauseDraft).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { status: 'draft', action: 'pause' } } });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
