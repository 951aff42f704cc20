import { blackFridayBody, campaignFrom, customerOf, item, orderInput, orderOf, usd } from './campaign.fixture';
import { evaluateOrder, limitCountersFor } from './evaluate-earning';
import { DEFAULT_PROGRAM } from '../program/program-settings';
import { DEFAULT_TIER_SETTINGS } from '../tiers/tier-settings';

const blackFriday = campaignFrom(blackFridayBody, 'camp_bf');

function pointsByKind(evaluation: ReturnType<typeof evaluateOrder>): [string, number][] {
  return evaluation.lines.map((line) => [line.kind, line.points]);
}

describe('evaluateOrder: worked examples', () => {
  it("gives the seed's Black Friday 2× on a 150.00 electronics order: 15 base + 15 bonus", () => {
    // Act
    const evaluation = evaluateOrder(orderInput([blackFriday]));

    // Assess
    expect(evaluation).toEqual({
      points: 30,
      lines: [
        { kind: 'base', points: 15, reason: '1 point per 10 USD spent' },
        {
          campaignId: 'camp_bf',
          kind: 'purchase_multiplier',
          points: 15,
          reason: '2× points on electronics, clothing (Black Friday 2X Points)',
        },
      ],
      counters: [],
      referrals: [],
      skipped: [],
    });
  });

  it.each([
    ['before it starts', '2025-11-23T23:59:59.999Z', 15],
    ['at its first moment', '2025-11-24T00:00:00.000Z', 30],
    ['at its last second', '2025-11-26T23:59:59.000Z', 30],
    ['after it ends', '2025-11-26T23:59:59.001Z', 15],
  ])('counts Black Friday only within its dates: %s', (_case, occurredAt, points) => {
    // Act
    const evaluation = evaluateOrder(
      orderInput([blackFriday], { order: orderOf({ occurredAt: new Date(occurredAt) }) }),
    );

    // Assess
    expect(evaluation.points).toBe(points);
  });

  it.each([
    ['99.99', [['base', 9]]],
    [
      '100.00',
      [
        ['base', 10],
        ['purchase_multiplier', 10],
      ],
    ],
  ])('applies the 100.00 minimum amount exactly: %s', (amount, lines) => {
    // Act
    const evaluation = evaluateOrder(
      orderInput([blackFriday], { order: orderOf({ amount: usd(amount), items: [item('electronics', amount)] }) }),
    );

    // Assess
    expect(pointsByKind(evaluation)).toEqual(lines);
  });

  it('multiplies only the eligible items of a mixed basket', () => {
    // Prepare
    const order = orderOf({ items: [item('Electronics', 100), item('grocery', 25, 2)] });

    // Act
    const evaluation = evaluateOrder(orderInput([blackFriday], { order }));

    // Assess: base on 150.00 is 15; the 100.00 of electronics earns 10 base points, doubled.
    expect(pointsByKind(evaluation)).toEqual([
      ['base', 15],
      ['purchase_multiplier', 10],
    ]);
  });

  it('rewards SKU-only campaigns on the matching items only', () => {
    // Prepare
    const tv = campaignFrom(
      { name: 'TV week', type: 'purchase_multiplier', multiplier: 3, conditions: { skus: ['SKU-TV'] } },
      'camp_tv',
    );
    const withTv = orderOf({
      amount: usd(100),
      items: [item('electronics', 80, 1, 'SKU-TV'), item('electronics', 20, 1, 'SKU-CABLE')],
    });
    const withoutTv = orderOf({ amount: usd(100), items: [item('electronics', 100, 1, 'SKU-CABLE')] });

    // Act
    const matching = evaluateOrder(orderInput([tv], { order: withTv }));
    const other = evaluateOrder(orderInput([tv], { order: withoutTv }));

    // Assess: 80.00 earns 8 base points, 3× adds 16.
    expect(matching.lines[1]).toEqual({
      campaignId: 'camp_tv',
      kind: 'purchase_multiplier',
      points: 16,
      reason: '3× points on selected items (TV week)',
    });
    expect(other.points).toBe(10);
  });

  it.each([
    ['99.99', 9],
    ['100.00', 60],
  ])('spend 100, get 50: %s earns %p', (amount, points) => {
    // Prepare
    const threshold = campaignFrom(
      { name: 'Spend 100 get 50', type: 'spend_threshold', threshold: 100, points: 50 },
      'camp_t',
    );

    // Act
    const evaluation = evaluateOrder(orderInput([threshold], { order: orderOf({ amount: usd(amount) }) }));

    // Assess
    expect(evaluation.points).toBe(points);
  });

  describe('precedence', () => {
    const flat = campaignFrom({ name: 'Flat 20', type: 'flat_bonus', points: 20, priority: 1 }, 'camp_flat');
    const double = campaignFrom({ name: 'Double', type: 'purchase_multiplier', multiplier: 2 }, 'camp_double');
    const tripleExclusive = campaignFrom(
      { name: 'Triple', type: 'purchase_multiplier', multiplier: 3, exclusive: true },
      'camp_triple',
    );
    const bigExclusive = campaignFrom(
      { name: 'Big', type: 'flat_bonus', points: 100, exclusive: true, limits: { budget: 500 } },
      'camp_big',
    );

    it('stacks campaigns that are not exclusive, multipliers listed before bonuses', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([flat, double]));

      // Assess
      expect(pointsByKind(evaluation)).toEqual([
        ['base', 15],
        ['purchase_multiplier', 15],
        ['flat_bonus', 20],
      ]);
      expect(evaluation.points).toBe(50);
    });

    it('lets an exclusive campaign apply alone, on top of base points', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([flat, double, tripleExclusive]));

      // Assess
      expect(pointsByKind(evaluation)).toEqual([
        ['base', 15],
        ['purchase_multiplier', 30],
      ]);
      expect(evaluation.skipped.map((skip) => [skip.campaignId, skip.reason])).toEqual([
        ['camp_flat', 'the exclusive campaign "Triple" applies instead'],
        ['camp_double', 'the exclusive campaign "Triple" applies instead'],
      ]);
    });

    it('picks the exclusive campaign that gives the most', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([tripleExclusive, bigExclusive, flat]));

      // Assess
      expect(evaluation.lines.map((line) => line.campaignId)).toEqual([undefined, 'camp_big']);
      expect(evaluation.points).toBe(115);
    });

    it('falls back to stacking when every exclusive campaign is limited to nothing', () => {
      // Act
      const evaluation = evaluateOrder(
        orderInput([bigExclusive, flat, double], { usage: new Map([['budget#camp_big', 500]]) }),
      );

      // Assess
      expect(pointsByKind(evaluation)).toEqual([
        ['base', 15],
        ['purchase_multiplier', 15],
        ['flat_bonus', 20],
      ]);
      expect(evaluation.skipped).toEqual([
        { campaignId: 'camp_big', kind: 'flat_bonus', reason: 'the campaign budget is spent' },
      ]);
    });
  });

  describe('limits', () => {
    const budgeted = campaignFrom({ ...blackFridayBody, limits: { budget: 1_000 } }, 'camp_bf');

    it.each([
      [0, 15, '2× points on electronics, clothing (Black Friday 2X Points)'],
      [
        990,
        10,
        '2× points on electronics, clothing (Black Friday 2X Points): 10 of 15 points, what is left of the campaign budget',
      ],
    ])('with %p of 1000 budget points used, awards %p and says so', (used, points, reason) => {
      // Act
      const evaluation = evaluateOrder(orderInput([budgeted], { usage: new Map([['budget#camp_bf', used]]) }));

      // Assess
      expect(evaluation.lines[1]).toEqual({ campaignId: 'camp_bf', kind: 'purchase_multiplier', points, reason });
      expect(evaluation.counters).toEqual([{ counterId: 'budget#camp_bf', increment: points, limit: 1_000 }]);
    });

    it('skips a campaign whose budget is spent, with the reason', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([budgeted], { usage: new Map([['budget#camp_bf', 1_000]]) }));

      // Assess
      expect(evaluation.points).toBe(15);
      expect(evaluation.counters).toEqual([]);
      expect(evaluation.skipped).toEqual([
        { campaignId: 'camp_bf', kind: 'purchase_multiplier', reason: 'the campaign budget is spent' },
      ]);
    });

    it('caps points per customer per month, awarding what fits', () => {
      // Prepare
      const capped = campaignFrom(
        {
          name: 'Monthly',
          type: 'flat_bonus',
          points: 40,
          limits: { perCustomer: { period: 'month', maxPoints: 100 } },
        },
        'camp_m',
      );

      // Act
      const evaluation = evaluateOrder(orderInput([capped], { usage: new Map([['cap#camp_m#user_1#2025-11', 75]]) }));

      // Assess
      expect(evaluation.lines[1]).toMatchObject({
        points: 25,
        reason: '40 bonus points on this order (Monthly): 25 of 40 points, the limit of 100 points per month',
      });
      expect(evaluation.counters).toEqual([{ counterId: 'cap#camp_m#user_1#2025-11', increment: 25, limit: 100 }]);
    });

    describe('a once-a-day cap in Paris', () => {
      const daily = campaignFrom(
        { name: 'Daily', type: 'flat_bonus', points: 10, limits: { perCustomer: { period: 'day', maxTimes: 1 } } },
        'camp_d',
        'Europe/Paris',
      );
      const usedOn24th = new Map([['cap#camp_d#user_1#2025-11-24', 1]]);

      it.each([
        ['23:30 in Paris on the 24th (22:30 UTC)', '2025-11-24T22:30:00Z', 'cap#camp_d#user_1#2025-11-24', 0],
        [
          '00:30 in Paris on the 25th (23:30 UTC on the 24th)',
          '2025-11-24T23:30:00Z',
          'cap#camp_d#user_1#2025-11-25',
          10,
        ],
      ])('at %s counts against %s', (_case, occurredAt, counterId, points) => {
        // Prepare
        const query = orderInput([daily], { order: orderOf({ occurredAt: new Date(occurredAt) }), usage: usedOn24th });

        // Act
        const counters = limitCountersFor(query);
        const evaluation = evaluateOrder(query);

        // Assess
        expect(counters).toEqual([counterId]);
        expect(evaluation.points - 15).toBe(points);
      });
    });
  });

  describe('daylight saving time in New York', () => {
    const spring = campaignFrom(
      { name: 'Spring', type: 'flat_bonus', points: 10, startDate: '2026-03-08', endDate: '2026-03-08' },
      'camp_s',
      'America/New_York',
    );
    const autumn = campaignFrom(
      { name: 'Autumn', type: 'flat_bonus', points: 10, startDate: '2026-11-01', endDate: '2026-11-01' },
      'camp_a',
      'America/New_York',
    );
    const lateNight = campaignFrom(
      { name: 'Night owl', type: 'flat_bonus', points: 10, conditions: { hours: { from: '01:00', to: '02:00' } } },
      'camp_n',
      'America/New_York',
    );

    it.each([
      ['the 23-hour start day from local midnight', spring, '2026-03-08T05:00:00Z', 10],
      ['the 23-hour start day before local midnight', spring, '2026-03-08T04:59:59Z', 0],
      ['the 23-hour start day at 23:30 EDT', spring, '2026-03-09T03:30:00Z', 10],
      ['the day after the start day', spring, '2026-03-09T04:00:00Z', 0],
      ['the 25-hour end day at 23:30 EST', autumn, '2026-11-02T04:30:00Z', 10],
      ['the day after the end day', autumn, '2026-11-02T05:00:00Z', 0],
      ['the first 01:30 of the end day (EDT)', lateNight, '2026-11-01T05:30:00Z', 10],
      ['the second 01:30 of the end day (EST)', lateNight, '2026-11-01T06:30:00Z', 10],
      ['02:30 of the end day', lateNight, '2026-11-01T07:30:00Z', 0],
    ])('%s', (_case, campaign, occurredAt, bonus) => {
      // Act
      const evaluation = evaluateOrder(
        orderInput([campaign], { order: orderOf({ occurredAt: new Date(occurredAt) }) }),
      );

      // Assess
      expect(evaluation.points - 15).toBe(bonus);
    });
  });

  describe('referral', () => {
    const referral = campaignFrom(
      {
        name: 'Invite a friend',
        type: 'referral',
        referrerPoints: 200,
        refereePoints: 100,
        maxReferralsPerReferrer: 5,
        limits: { budget: 10_000 },
      },
      'camp_ref',
    );
    const referred = customerOf({
      completedOrders: 0,
      email: 'ann@example.com',
      referredBy: { userId: 'user_2', email: 'bob@example.com' },
    });

    it("rewards both sides on the referred customer's first order", () => {
      // Act
      const evaluation = evaluateOrder(orderInput([referral], { customer: referred }));

      // Assess
      expect(pointsByKind(evaluation)).toEqual([
        ['base', 15],
        ['referral', 100],
      ]);
      expect(evaluation.referrals).toEqual([
        {
          userId: 'user_2',
          points: 200,
          line: {
            campaignId: 'camp_ref',
            kind: 'referral',
            points: 200,
            reason: 'Referral bonus: user_1 completed their first order (Invite a friend)',
          },
        },
      ]);
      expect(evaluation.counters).toEqual([
        { counterId: 'budget#camp_ref', increment: 300, limit: 10_000 },
        { counterId: 'cap#camp_ref#user_1#all', increment: 1, limit: 1 },
        { counterId: 'cap#camp_ref#user_2#all', increment: 1, limit: 5 },
      ]);
    });

    it('rewards nothing on later orders', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([referral], { customer: { ...referred, completedOrders: 1 } }));

      // Assess
      expect(evaluation.points).toBe(15);
      expect(evaluation.referrals).toEqual([]);
    });

    it.each([
      ['the same account', { userId: 'user_1' }],
      ['the same email', { userId: 'user_2', email: ' ANN@example.com' }],
      ['the same phone', { userId: 'user_2', phone: '+1 (555) 010-0199' }],
    ])('rejects a self-referral by %s', (_case, referrer) => {
      // Prepare
      const customer = { ...referred, phone: '+15550100199', referredBy: referrer };

      // Act
      const evaluation = evaluateOrder(orderInput([referral], { customer }));

      // Assess
      expect(evaluation.points).toBe(15);
      expect(evaluation.referrals).toEqual([]);
      expect(evaluation.skipped).toEqual([
        {
          campaignId: 'camp_ref',
          kind: 'referral',
          reason: 'self-referral: the referrer is this customer (same account, email or phone)',
        },
      ]);
    });

    it('still rewards the referred customer when the referrer reached their cap', () => {
      // Act
      const evaluation = evaluateOrder(
        orderInput([referral], { customer: referred, usage: new Map([['cap#camp_ref#user_2#all', 5]]) }),
      );

      // Assess
      expect(evaluation.points).toBe(115);
      expect(evaluation.referrals).toEqual([]);
      expect(evaluation.skipped).toEqual([
        { campaignId: 'camp_ref', kind: 'referral', reason: "the referrer's limit is reached (5 times per customer)" },
      ]);
    });
  });

  describe('milestones', () => {
    const tenth = campaignFrom({ name: 'Tenth order', type: 'milestone', nthOrder: 10, points: 200 }, 'camp_10');
    const thousand = campaignFrom(
      { name: 'Big spender', type: 'milestone', lifetimeSpend: 1000, points: 500 },
      'camp_1000',
    );

    it.each([
      [8, 15],
      [9, 215],
      [10, 15],
    ])('after %p completed orders the order earns %p', (completedOrders, points) => {
      // Act
      const evaluation = evaluateOrder(orderInput([tenth], { customer: customerOf({ completedOrders }) }));

      // Assess
      expect(evaluation.points).toBe(points);
    });

    it('says which order it rewards, once per customer', () => {
      // Act
      const evaluation = evaluateOrder(orderInput([tenth], { customer: customerOf({ completedOrders: 9 }) }));

      // Assess
      expect(evaluation.lines[1].reason).toBe('Bonus for your 10th order (Tenth order)');
      expect(evaluation.counters).toEqual([{ counterId: 'cap#camp_10#user_1#all', increment: 1, limit: 1 }]);
    });

    it.each([
      [84_999n, 15],
      [85_000n, 515],
      [100_000n, 15],
    ])('lifetime spend of %p cents before a 150.00 order earns %p', (lifetimeSpendMinor, points) => {
      // Act
      const evaluation = evaluateOrder(orderInput([thousand], { customer: customerOf({ lifetimeSpendMinor }) }));

      // Assess
      expect(evaluation.points).toBe(points);
    });
  });

  describe('conditions', () => {
    it.each([
      ['channel', { channels: ['pos'] }, {}, 0],
      ['channel', { channels: ['web'] }, {}, 10],
      ['tier', { tiers: ['gold'] }, { customer: customerOf({ tier: 'silver' }) }, 0],
      ['tier', { tiers: ['gold'] }, { customer: customerOf({ tier: 'gold' }) }, 10],
      ['first order', { firstOrder: true }, {}, 0],
      ['first order', { firstOrder: true }, { customer: customerOf({ completedOrders: 0 }) }, 10],
      ['day of week (25 Nov 2025 is a Tuesday)', { daysOfWeek: ['sat', 'sun'] }, {}, 0],
      ['day of week (25 Nov 2025 is a Tuesday)', { daysOfWeek: ['tue'] }, {}, 10],
      ['hours running past midnight', { hours: { from: '22:00', to: '02:00' } }, {}, 0],
      [
        'hours running past midnight',
        { hours: { from: '22:00', to: '02:00' } },
        { order: orderOf({ occurredAt: new Date('2025-11-25T01:00:00Z') }) },
        10,
      ],
      [
        'currency of the minimum',
        { minAmount: 10 },
        { order: orderOf({ amount: { minor: 15000n, currency: 'EUR' } }) },
        0,
      ],
    ])('%s: %j', (_case, conditions, overrides, bonus) => {
      // Prepare
      const campaign = campaignFrom({ name: 'Bonus', type: 'flat_bonus', points: 10, conditions }, 'camp_c');

      // Act
      const evaluation = evaluateOrder(orderInput([campaign], overrides));

      // Assess
      expect(evaluation.points - 15).toBe(bonus);
    });
  });

  it('adds the tier bonus to base points, rounded down', () => {
    // Prepare
    const levels = DEFAULT_TIER_SETTINGS.levels.map((level) =>
      level.id === 'gold' ? { ...level, earnMultiplier: 1.5 } : level,
    );
    const program = { ...DEFAULT_PROGRAM, tiers: { ...DEFAULT_TIER_SETTINGS, levels } };

    // Act
    const evaluation = evaluateOrder(orderInput([blackFriday], { customer: customerOf({ tier: 'gold' }) }, program));

    // Assess: the campaign multiplies base points only, never the tier bonus.
    expect(evaluation.lines).toEqual([
      { kind: 'base', points: 15, reason: '1 point per 10 USD spent' },
      { kind: 'tier', points: 7, reason: '1.5× base points for gold tier' },
      expect.objectContaining({ kind: 'purchase_multiplier', points: 15 }),
    ]);
  });

  it('names the counters to read before evaluating', () => {
    // Prepare
    const capped = campaignFrom(
      { ...blackFridayBody, limits: { budget: 1_000, perCustomer: { period: 'week', maxTimes: 2 } } },
      'camp_bf',
    );
    const unrelated = campaignFrom({ name: 'Welcome', type: 'signup_bonus', limits: { budget: 50_000 } }, 'camp_w');

    // Act
    const counters = limitCountersFor(orderInput([capped, unrelated]));

    // Assess
    expect(counters).toEqual(['budget#camp_bf', 'cap#camp_bf#user_1#2025-W48']);
  });
});
