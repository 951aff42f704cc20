import fc from 'fast-check';
import { Campaign, newCampaign } from './campaign';
import { CustomerFacts, OrderEarningInput, OrderFacts } from './earning-input';
import { EarnEvaluation } from './earn-evaluation';
import { evaluateOrder, limitCountersFor } from './evaluate-earning';
import { parseCampaignDefinition } from './parse-campaign-definition';
import { DEFAULT_PROGRAM } from '../program/program-settings';

const CATEGORIES = ['electronics', 'grocery', 'toys'];
const cents = (max: number) => fc.integer({ min: 1, max }).map((value) => value / 100);
const points = fc.integer({ min: 1, max: 300 });

const rewardArb = fc.oneof(
  fc.record({
    type: fc.constant('purchase_multiplier'),
    multiplier: fc.integer({ min: 101, max: 500 }).map((h) => h / 100),
  }),
  fc.record({ type: fc.constant('spend_threshold'), threshold: cents(20_000), points }),
  fc.record({ type: fc.constant('flat_bonus'), points }),
  fc.record({ type: fc.constant('milestone'), nthOrder: fc.integer({ min: 1, max: 5 }), points }),
  fc.record({
    type: fc.constant('referral'),
    referrerPoints: fc.integer({ min: 0, max: 300 }),
    refereePoints: points,
    maxReferralsPerReferrer: fc.integer({ min: 1, max: 3 }),
  }),
);
const someConditionsArb = fc.record(
  {
    minAmount: cents(20_000),
    categories: fc.subarray(CATEGORIES, { minLength: 1 }),
    channels: fc.subarray(['web', 'pos', 'app'], { minLength: 1 }),
    tiers: fc.subarray(['bronze', 'silver', 'gold'], { minLength: 1 }),
    firstOrder: fc.boolean(),
    daysOfWeek: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { minLength: 1 }),
  },
  { requiredKeys: [] },
);
// Mostly unconditional, so that campaigns often apply together and meet their limits.
const conditionsArb = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: someConditionsArb });
const limitsArb = fc.record(
  {
    perCustomer: fc.oneof(
      fc.record({
        period: fc.constantFrom('day', 'week', 'month', 'campaign'),
        maxTimes: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        period: fc.constantFrom('day', 'week', 'month', 'campaign'),
        maxPoints: fc.integer({ min: 1, max: 200 }),
      }),
    ),
    budget: fc.integer({ min: 1, max: 500 }),
  },
  { requiredKeys: [] },
);
const campaignBodyArb = fc
  .record({
    reward: rewardArb,
    conditions: conditionsArb,
    limits: limitsArb,
    exclusive: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    priority: fc.integer({ min: -2, max: 2 }),
    timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
  })
  .map(({ reward, limits, ...rest }) => {
    // Milestones and referrals carry their own per-customer limit.
    const { perCustomer, ...budgetOnly } = limits;
    const fixedCap = reward.type === 'milestone' || reward.type === 'referral';
    return { name: 'Generated', ...reward, ...rest, limits: fixedCap || !perCustomer ? budgetOnly : limits };
  });
const campaignsArb = fc.array(campaignBodyArb, { maxLength: 5 }).map((bodies) => bodies.map(toCampaign));

const orderArb: fc.Arbitrary<OrderFacts> = fc.record({
  orderId: fc.constant('order_1'),
  amount: fc.integer({ min: 0, max: 50_000 }).map((minor) => ({ minor: BigInt(minor), currency: 'USD' })),
  items: fc.array(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      unitPriceMinor: fc.integer({ min: 0, max: 20_000 }).map(BigInt),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 4 },
  ),
  channel: fc.constantFrom('web', 'pos', 'app'),
  occurredAt: fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2026-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
});
const customerArb: fc.Arbitrary<CustomerFacts> = fc.record(
  {
    userId: fc.constantFrom('user_1', 'user_3'),
    tier: fc.constantFrom('bronze', 'silver', 'gold'),
    completedOrders: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
    lifetimeSpendMinor: fc.integer({ min: 0, max: 200_000 }).map(BigInt),
    referredBy: fc.record({ userId: fc.constantFrom('user_1', 'user_2') }),
  },
  { requiredKeys: ['userId', 'completedOrders', 'lifetimeSpendMinor'] },
);
const usageValuesArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })), {
  minLength: 8,
  maxLength: 8,
});

function toCampaign(body: Record<string, unknown>, index: number): Campaign {
  const parsed = parseCampaignDefinition(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.details));
  return newCampaign(`camp_${index}`, parsed.value);
}

/** An input whose counters hold arbitrary values (derived from `values`), as read from storage. */
function inputWithUsage(
  campaigns: Campaign[],
  customer: CustomerFacts,
  order: OrderFacts,
  values: number[],
): OrderEarningInput {
  const query = { program: DEFAULT_PROGRAM, campaigns, customer, order };
  const ids = limitCountersFor(query);
  return { ...query, usage: new Map(ids.map((id, index) => [id, values[index % values.length]])) };
}

function campaignIdsOf(evaluation: EarnEvaluation): Set<string | undefined> {
  return new Set(
    [...evaluation.lines, ...evaluation.referrals.map((award) => award.line)]
      .map((line) => line.campaignId)
      .filter(Boolean),
  );
}

describe('evaluateOrder properties', () => {
  it('never gives negative or fractional points, and the total is the sum of the lines', () => {
    fc.assert(
      fc.property(campaignsArb, customerArb, orderArb, usageValuesArb, (campaigns, customer, order, values) => {
        // Act
        const evaluation = evaluateOrder(inputWithUsage(campaigns, customer, order, values));

        // Assess
        const awarded = [...evaluation.lines, ...evaluation.referrals.map((award) => award.line)];
        expect(awarded.every((line) => Number.isInteger(line.points) && line.points > 0)).toBe(true);
        expect(evaluation.points).toBe(evaluation.lines.reduce((sum, line) => sum + line.points, 0));
      }),
    );
  });

  it('is deterministic: the same inputs, in any campaign order, give the same evaluation', () => {
    fc.assert(
      fc.property(campaignsArb, customerArb, orderArb, usageValuesArb, (campaigns, customer, order, values) => {
        // Prepare
        const input = inputWithUsage(campaigns, customer, order, values);

        // Act
        const first = evaluateOrder(input);
        const again = evaluateOrder(input);
        const reordered = evaluateOrder({ ...input, campaigns: [...campaigns].reverse() });

        // Assess
        expect(again).toEqual(first);
        expect(reordered).toEqual(first);
      }),
    );
  });

  it('never stacks anything on an exclusive campaign', () => {
    fc.assert(
      fc.property(campaignsArb, customerArb, orderArb, usageValuesArb, (campaigns, customer, order, values) => {
        // Act
        const evaluation = evaluateOrder(inputWithUsage(campaigns, customer, order, values));

        // Assess
        const applied = campaignIdsOf(evaluation);
        const exclusive = campaigns.filter((campaign) => campaign.exclusive && applied.has(campaign.campaignId));
        if (exclusive.length > 0) expect([...applied]).toEqual([exclusive[0].campaignId]);
      }),
    );
  });

  it('asks only for increments that fit the counters it was given', () => {
    fc.assert(
      fc.property(campaignsArb, customerArb, orderArb, usageValuesArb, (campaigns, customer, order, values) => {
        // Prepare
        const input = inputWithUsage(campaigns, customer, order, values);

        // Act
        const { counters } = evaluateOrder(input);

        // Assess
        for (const { counterId, increment, limit } of counters) {
          expect(input.usage.has(counterId)).toBe(true);
          expect(increment).toBeGreaterThan(0);
          expect((input.usage.get(counterId) ?? 0) + increment).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it('never earns fewer points for a larger order under a multiplier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 101, max: 1000 }),
        cents(30_000),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (hundredths, minAmount, minor, extra) => {
          // Prepare
          const campaign = toCampaign(
            {
              name: 'Multiplier',
              type: 'purchase_multiplier',
              multiplier: hundredths / 100,
              conditions: { minAmount, categories: ['electronics'] },
            },
            0,
          );
          const orderFor = (amount: number) => ({
            orderId: 'order_1',
            amount: { minor: BigInt(amount), currency: 'USD' },
            items: [{ category: 'electronics', unitPriceMinor: BigInt(amount), quantity: 1 }],
            occurredAt: new Date('2026-06-01T12:00:00Z'),
          });
          const input = (amount: number) => ({
            program: DEFAULT_PROGRAM,
            campaigns: [campaign],
            customer: { userId: 'user_1', completedOrders: 1, lifetimeSpendMinor: 0n },
            order: orderFor(amount),
            usage: new Map(),
          });

          // Act
          const smaller = evaluateOrder(input(minor));
          const larger = evaluateOrder(input(minor + extra));

          // Assess
          expect(larger.points).toBeGreaterThanOrEqual(smaller.points);
        },
      ),
    );
  });

  it('never exceeds a budget over any sequence of orders when the increments are applied', () => {
    const stepArb = fc.tuple(customerArb, orderArb);
    fc.assert(
      fc.property(campaignsArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (campaigns, steps) => {
        // Prepare
        const store = new Map<string, number>();
        const awardedByCampaign = new Map<string, number>();

        for (const [customer, order] of steps) {
          // Act: read the counters, evaluate, apply the conditional increments as the caller does.
          const query = { program: DEFAULT_PROGRAM, campaigns, customer, order };
          const usage = new Map(limitCountersFor(query).map((id) => [id, store.get(id) ?? 0]));
          const evaluation = evaluateOrder({ ...query, usage });
          for (const { counterId, increment, limit } of evaluation.counters) {
            const current = store.get(counterId) ?? 0;
            expect(current + increment).toBeLessThanOrEqual(limit);
            store.set(counterId, current + increment);
          }
          for (const line of [...evaluation.lines, ...evaluation.referrals.map((award) => award.line)]) {
            if (line.campaignId !== undefined) {
              awardedByCampaign.set(line.campaignId, (awardedByCampaign.get(line.campaignId) ?? 0) + line.points);
            }
          }
        }

        // Assess
        for (const campaign of campaigns.filter((each) => each.limits.budget !== undefined)) {
          const awarded = awardedByCampaign.get(campaign.campaignId) ?? 0;
          expect(awarded).toBeLessThanOrEqual(campaign.limits.budget ?? 0);
          expect(store.get(`budget#${campaign.campaignId}`) ?? 0).toBe(awarded);
        }
      }),
    );
  });
});
