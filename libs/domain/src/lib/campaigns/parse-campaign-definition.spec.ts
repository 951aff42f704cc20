import fc from 'fast-check';
import { blackFridayBody, usd } from './campaign.fixture';
import { campaignDefinitionToBody } from './campaign-body';
import { DEFAULT_SIGNUP_POINTS, parseCampaignDefinition } from './parse-campaign-definition';

const tenant = { currency: 'USD', timeZone: 'America/New_York' };

function problemsOf(body: unknown): Record<string, string> {
  const parsed = parseCampaignDefinition(body, tenant);
  if (parsed.ok) throw new Error('expected the body to be rejected');
  expect(parsed.error.code).toBe('VALIDATION_ERROR');
  return parsed.error.details['fields'] as Record<string, string>;
}

describe('parseCampaignDefinition', () => {
  it("accepts the seed's Black Friday body as given", () => {
    // Act
    const parsed = parseCampaignDefinition(blackFridayBody, tenant);

    // Assess
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'Black Friday 2X Points',
        reward: { kind: 'purchase_multiplier', multiplier: 2 },
        currency: 'USD',
        timeZone: 'America/New_York',
        startsAt: '2025-11-24T00:00:00.000Z',
        endsAt: '2025-11-26T23:59:59.000Z',
        conditions: { minAmount: usd(100), categories: ['electronics', 'clothing'] },
        limits: {},
        priority: 0,
        exclusive: false,
      },
    });
  });

  it.each([
    [
      { type: 'spend_threshold', threshold: 100, points: 50 },
      { kind: 'spend_threshold', threshold: usd(100), points: 50 },
    ],
    [
      { type: 'flat_bonus', points: 25 },
      { kind: 'flat_bonus', points: 25 },
    ],
    [{ type: 'signup_bonus' }, { kind: 'signup_bonus', points: DEFAULT_SIGNUP_POINTS }],
    [
      { type: 'milestone', nthOrder: 10, points: 200 },
      { kind: 'milestone', target: { nthOrder: 10 }, points: 200 },
    ],
    [
      { type: 'milestone', lifetimeSpend: '1000.00', points: 500 },
      { kind: 'milestone', target: { lifetimeSpend: usd(1000) }, points: 500 },
    ],
    [
      { type: 'birthday', points: 150 },
      { kind: 'birthday', points: 150 },
    ],
    [
      { type: 'referral', referrerPoints: 500, refereePoints: 250, maxReferralsPerReferrer: 10 },
      { kind: 'referral', referrerPoints: 500, refereePoints: 250, maxReferralsPerReferrer: 10 },
    ],
  ])('reads the reward of %j', (fields, reward) => {
    // Act
    const parsed = parseCampaignDefinition({ name: 'Promo', ...fields }, tenant);

    // Assess
    expect(parsed.ok && parsed.value.reward).toEqual(reward);
  });

  it('resolves dates in the time zone: a start date begins the day, an end date includes all of its last day', () => {
    // Act
    const parsed = parseCampaignDefinition(
      { name: 'Spring', type: 'flat_bonus', points: 5, startDate: '2026-03-08', endDate: '2026-03-08' },
      tenant,
    );

    // Assess: 8 March 2026 in New York is 23 hours long (daylight saving time starts at 02:00).
    expect(parsed.ok && [parsed.value.startsAt, parsed.value.endsAt]).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T03:59:59.999Z',
    ]);
  });

  it('reads a local date-time in the campaign time zone given in the body', () => {
    // Act
    const parsed = parseCampaignDefinition(
      { name: 'Soldes', type: 'flat_bonus', points: 5, timeZone: 'Europe/Paris', startDate: '2026-01-07T08:00' },
      tenant,
    );

    // Assess
    expect(parsed.ok && parsed.value.startsAt).toBe('2026-01-07T07:00:00.000Z');
  });

  it('reads limits, precedence and every condition', () => {
    // Act
    const parsed = parseCampaignDefinition(
      {
        name: 'Weekend brunch',
        type: 'flat_bonus',
        points: 20,
        priority: 5,
        exclusive: true,
        conditions: {
          minAmount: '25.50',
          categories: ['Food'],
          skus: ['SKU-1'],
          channels: ['pos'],
          tiers: ['gold'],
          firstOrder: false,
          daysOfWeek: ['sat', 'sun'],
          hours: { from: '09:00', to: '12:00' },
        },
        limits: { perCustomer: { period: 'week', maxTimes: 1 }, budget: 10_000 },
      },
      tenant,
    );

    // Assess
    expect(parsed.ok && parsed.value).toMatchObject({
      priority: 5,
      exclusive: true,
      conditions: {
        minAmount: usd('25.50'),
        categories: ['food'],
        skus: ['SKU-1'],
        channels: ['pos'],
        tiers: ['gold'],
        firstOrder: false,
        daysOfWeek: ['sat', 'sun'],
        hours: { from: '09:00', to: '12:00' },
      },
      limits: { perCustomer: { period: 'week', unit: 'times', max: 1 }, budget: 10_000 },
    });
  });

  it.each([
    ['an unknown kind', { ...blackFridayBody, type: 'cashback' }, 'type'],
    ['a negative multiplier', { ...blackFridayBody, multiplier: -2 }, 'multiplier'],
    ['a multiplier of 1', { ...blackFridayBody, multiplier: 1 }, 'multiplier'],
    ['a multiplier with three decimals', { ...blackFridayBody, multiplier: 1.125 }, 'multiplier'],
    ['an end before the start', { ...blackFridayBody, endDate: '2025-11-22' }, 'endDate'],
    ['an end equal to the start', { ...blackFridayBody, endDate: blackFridayBody.startDate }, 'endDate'],
    ['a date that is not one', { ...blackFridayBody, startDate: '24/11/2025' }, 'startDate'],
    ['a bad time zone', { ...blackFridayBody, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a bad currency', { ...blackFridayBody, currency: 'usd' }, 'currency'],
    ['a negative amount', { ...blackFridayBody, conditions: { minAmount: -5 } }, 'conditions.minAmount'],
    ['an amount finer than cents', { ...blackFridayBody, conditions: { minAmount: 100.123 } }, 'conditions.minAmount'],
    ['an amount that is text', { ...blackFridayBody, conditions: { minAmount: 'lots' } }, 'conditions.minAmount'],
    ['a zero threshold', { name: 'x', type: 'spend_threshold', threshold: 0, points: 50 }, 'threshold'],
    ['fractional points', { name: 'x', type: 'flat_bonus', points: 2.5 }, 'points'],
    [
      'a milestone with two targets',
      { name: 'x', type: 'milestone', nthOrder: 3, lifetimeSpend: 10, points: 5 },
      'nthOrder',
    ],
    ['a referral giving nothing', { name: 'x', type: 'referral', referrerPoints: 0 }, 'referrerPoints'],
    ['an unknown field', { ...blackFridayBody, multipler: 3 }, 'multipler'],
    ['a field of another kind', { ...blackFridayBody, points: 3 }, 'points'],
    ['an unknown condition', { ...blackFridayBody, conditions: { color: 'red' } }, 'conditions.color'],
    ['an unknown weekday', { ...blackFridayBody, conditions: { daysOfWeek: ['funday'] } }, 'conditions.daysOfWeek'],
    ['empty hours', { ...blackFridayBody, conditions: { hours: { from: '10:00', to: '10:00' } } }, 'conditions.hours'],
    [
      'an order condition on a signup bonus',
      { name: 'x', type: 'signup_bonus', conditions: { minAmount: 5 } },
      'conditions.minAmount',
    ],
    [
      'a cap with both units',
      { ...blackFridayBody, limits: { perCustomer: { period: 'day', maxTimes: 1, maxPoints: 5 } } },
      'limits.perCustomer',
    ],
    [
      'a cap period that is not one',
      { ...blackFridayBody, limits: { perCustomer: { period: 'fortnight', maxTimes: 1 } } },
      'limits.perCustomer.period',
    ],
    [
      'a cap on a birthday bonus',
      { name: 'x', type: 'birthday', points: 5, limits: { perCustomer: { period: 'day', maxTimes: 2 } } },
      'limits.perCustomer',
    ],
    ['a zero budget', { ...blackFridayBody, limits: { budget: 0 } }, 'limits.budget'],
    ['a missing name', { ...blackFridayBody, name: ' ' }, 'name'],
  ])('rejects %s, naming the field', (_case, body, field) => {
    // Act
    const problems = problemsOf(body);

    // Assess
    expect(Object.keys(problems)).toContain(field);
  });

  it('reports every bad field at once', () => {
    // Act
    const problems = problemsOf({
      type: 'purchase_multiplier',
      multiplier: -1,
      timeZone: 'Nowhere',
      startDate: 'soon',
    });

    // Assess
    expect(Object.keys(problems).sort()).toEqual(['multiplier', 'name', 'startDate', 'timeZone']);
  });

  it('rejects a body that is not an object', () => {
    // Act
    const problems = problemsOf([blackFridayBody]);

    // Assess
    expect(problems).toEqual({ body: 'an object' });
  });

  it('parses its own body back into the same definition', () => {
    const bodies = fc.record({
      name: fc.constantFrom('Promo', 'Été'),
      type: fc.constant('purchase_multiplier'),
      multiplier: fc.integer({ min: 101, max: 1000 }).map((hundredths) => hundredths / 100),
      timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'),
      startDate: fc.constantFrom('2025-11-24', '2026-03-08T02:30', '2026-10-25T00:00:00Z'),
      endDate: fc.constantFrom('2026-12-31', undefined),
      conditions: fc.record(
        {
          minAmount: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
          categories: fc.constant(['electronics']),
          daysOfWeek: fc.subarray([...['mon', 'tue', 'sat']], { minLength: 1 }),
        },
        { requiredKeys: [] },
      ),
      limits: fc.record(
        {
          perCustomer: fc.record({
            period: fc.constantFrom('day', 'week', 'campaign'),
            maxPoints: fc.integer({ min: 1, max: 999 }),
          }),
          budget: fc.integer({ min: 1, max: 10 ** 9 }),
        },
        { requiredKeys: [] },
      ),
      priority: fc.integer({ min: -1000, max: 1000 }),
      exclusive: fc.boolean(),
    });
    fc.assert(
      fc.property(bodies, (body) => {
        // Prepare
        const first = parseCampaignDefinition(body, tenant);
        if (!first.ok) throw first.error;

        // Act
        const again = parseCampaignDefinition(campaignDefinitionToBody(first.value), {
          currency: 'EUR',
          timeZone: 'UTC',
        });

        // Assess
        expect(again).toEqual(first);
      }),
    );
  });
});
