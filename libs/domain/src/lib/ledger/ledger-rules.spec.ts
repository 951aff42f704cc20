import fc from 'fast-check';
import { ChangeOrder } from '../orders/change-order';
import { EstimateOrderPoints } from '../orders/estimate-order-points';
import { AwardSignupBonus } from '../customers/award-signup-bonus';
import { CompleteOrder } from '../orders/complete-order';
import { AdjustPoints } from '../points/adjust-points';
import { RedeemPoints } from '../points/redeem-points';
import { ReversalPolicy } from '../program/program-settings';
import { fingerprint } from './posting';
import { expire, mature } from './lot-lifecycle';
import { fixedProgram, InMemoryLedger } from './in-memory-ledger.fixture';
import { reconcileAccount } from './reconcile';
import { ok } from '../shared/result';
import { Campaign } from '../campaigns/campaign';
import { blackFridayBody, campaignFrom } from '../campaigns/campaign.fixture';

const actor = { sub: 'staff_1', role: 'staff' };
const T = 'demo';
const U = 'user_1';

function services(ledger: InMemoryLedger, program: Parameters<typeof fixedProgram>[0] = {}, campaigns: Campaign[] = []) {
  const programs = fixedProgram(program);
  return {
    complete: new CompleteOrder(ledger, { programs, campaigns: { listCampaigns: async () => campaigns } }),
    change: new ChangeOrder(ledger, ledger, programs),
    redeem: new RedeemPoints(ledger, programs),
    adjust: new AdjustPoints(ledger, programs),
  };
}

const order = (orderId: string, amount: number | string = 150, extra = {}) => ({
  tenantId: T,
  orderId,
  userId: U,
  amount,
  currency: 'USD',
  ...extra,
});

function expectReconciled(ledger: InMemoryLedger) {
  expect(reconcileAccount(ledger.account(T, U), ledger.entriesOf(T, U))).toBeUndefined();
}

describe('orders and refunds', () => {
  it('credits 150.00 USD as 15 points once, however often it arrives', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete } = services(ledger);

    // Act
    const first = await complete.execute(order('order_1'));
    const again = await complete.execute(order('order_1', '150.00'));

    // Assess
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, order: { pointsEarned: 15 }, entry: { type: 'earned', points: 15 } } });
    expect(again).toMatchObject({ ok: true, value: { duplicate: true, order: { pointsEarned: 15 } } });
    expect(ledger.account(T, U)).toMatchObject({ available: 15, lifetimeEarned: 15 });
    expectReconciled(ledger);
  });

  it('takes the same order with other items or channel as a repeat, and another user, amount or currency as a conflict', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete } = services(ledger);
    const first = await complete.execute(order('order_1', 150, { items: [{ sku: 'tv', price: 150, quantity: 1 }], channel: 'web' }));

    // Act
    const fromWebhook = await complete.execute(order('order_1', '150.00', { items: [{ sku: 'TV-55', category: 'electronics', price: 150, quantity: 1 }] }));
    const conflicts = await Promise.all([
      complete.execute(order('order_1', 150, { userId: 'user_2' })),
      complete.execute(order('order_1', 151)),
      complete.execute(order('order_1', 150, { currency: 'EUR' })),
    ]);

    // Assess
    expect(fromWebhook).toEqual({ ok: true, value: { ...(first.ok && first.value), duplicate: true } });
    expect(conflicts.map((conflict) => !conflict.ok && conflict.error.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(ledger.entriesOf(T, U)).toHaveLength(1);
  });

  it('asks a retry under one Idempotency-Key for the same request, items and channel included', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete } = services(ledger);
    const request = order('order_key', 150, { items: [{ sku: 'tv', price: 150, quantity: 1 }] });
    await complete.execute(request, new Date(), 'request');

    // Act
    const retried = await complete.execute(request, new Date(), 'request');
    const otherItems = await complete.execute({ ...request, items: [{ sku: 'radio', price: 150, quantity: 1 }] }, new Date(), 'request');

    // Assess
    expect(retried).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(!otherItems.ok && otherItems.error.code).toBe('CONFLICT');
  });

  it('holds points as pending during the return window, then matures them', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete } = services(ledger, { pendingDays: 14 });

    // Act
    const credited = await complete.execute(order('order_1'));
    const account = ledger.account(T, U);
    ledger.now = new Date('2026-12-06T10:00:00.000Z');
    const lotId = credited.ok ? credited.value.entry?.entryId ?? '' : '';
    const early = account && mature(account, lotId, { entryId: 'txn_x', now: new Date('2026-12-01T00:00:00Z') }, { ...(await fixedProgram().getProgram(T)) });

    // Assess
    expect(credited.ok && credited.value.entry?.type).toBe('pending');
    expect(account).toMatchObject({ available: 0, pending: 15, lifetimeEarned: 0 });
    expect(early).toBeUndefined();
  });

  it.each([
    ['two halves', ['75.00', '75.00'], [7, 8]],
    ['over-refund is capped', ['100.00', '100.00'], [10, 5]],
    ['tiny refunds round in the customer favour until the last', ['0.01', '149.99'], [0, 15]],
  ])('partial refunds: %s', async (_name, refunds, reversals) => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, change } = services(ledger);
    await complete.execute(order('order_1'));

    // Act
    const outcomes = [];
    for (const [index, amount] of refunds.entries()) {
      outcomes.push(await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'refund_amount', amount }, refundId: `r${index}` }));
    }

    // Assess
    expect(outcomes.map((outcome) => (outcome.ok ? 0 - (outcome.value.entry?.points ?? 0) : 'error'))).toEqual(reversals);
    expect(ledger.orders.get(`${T}#order_1`)).toMatchObject({ status: 'refunded', pointsReversed: 15, refundedMinor: 15000 });
    expect(ledger.account(T, U)).toMatchObject({ available: 0, lifetimeEarned: 0 });
    expectReconciled(ledger);
  });

  it('refunds by item at the item price and cancels what remains', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, change } = services(ledger);
    await complete.execute(order('order_1', 150, { items: [{ sku: 'tv', price: 100, quantity: 1 }, { sku: 'cable', price: 25, quantity: 2 }] }));

    // Act
    const byItem = await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'refund_items', items: [{ id: 'cable', quantity: 5 }] } });
    const cancelled = await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'cancel' } });
    const cancelledAgain = await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'cancel' } });

    // Assess
    expect(byItem.ok && byItem.value.order).toMatchObject({ refundedMinor: 5000, refundedItems: { cable: 2 }, pointsReversed: 5 });
    expect(cancelled.ok && cancelled.value.order).toMatchObject({ status: 'cancelled', pointsReversed: 15 });
    expect(cancelledAgain).toMatchObject({ ok: true, value: { duplicate: true } });
    expectReconciled(ledger);
  });

  it('a repeated partial refund without an id is recognised by its content', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, change } = services(ledger);
    await complete.execute(order('order_1'));
    const refund = { tenantId: T, orderId: 'order_1', change: { kind: 'refund_amount' as const, amount: 50 } };

    // Act
    await change.execute(refund);
    const again = await change.execute(refund);

    // Assess
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(ledger.orders.get(`${T}#order_1`)?.pointsReversed).toBe(5);
  });

  it('cancelling a pending credit cancels the pending points first', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, change } = services(ledger, { pendingDays: 30 });
    await complete.execute(order('order_1'));

    // Act
    const cancelled = await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'cancel' } });

    // Assess
    expect(cancelled.ok && cancelled.value.entry).toMatchObject({ type: 'reversed', points: -15, changes: { pending: -15, available: 0, lifetimeEarned: 0 } });
    expect(ledger.account(T, U)).toMatchObject({ available: 0, pending: 0, lots: [] });
    expectReconciled(ledger);
  });

  it.each([
    ['allow_negative', -10, 0],
    ['clamp', 0, 10],
  ] as [ReversalPolicy, number, number][])('refund of spent points under %s', async (reversalPolicy, balance, uncollected) => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, change, redeem } = services(ledger, { reversalPolicy });
    await complete.execute(order('order_1'));
    await redeem.execute({ tenantId: T, userId: U, points: 10, reason: 'coffee', actor });

    // Act
    const cancelled = await change.execute({ tenantId: T, orderId: 'order_1', change: { kind: 'cancel' } });

    // Assess
    expect(ledger.account(T, U)?.available).toBe(balance);
    expect(cancelled.ok && (cancelled.value.entry?.uncollected ?? 0)).toBe(uncollected);
    expectReconciled(ledger);
  });
});

describe('orders with campaigns and tiers', () => {
  const blackFriday = campaignFrom(blackFridayBody, 'camp_bf');
  const electronics = { items: [{ sku: 'tv', category: 'electronics', price: 150, quantity: 1 }] };
  const duringBlackFriday = new Date('2025-11-25T15:00:00Z');

  it("credits the seed's Black Friday order 30 points with one line per rule", async () => {
    // Prepare
    const ledger = new InMemoryLedger(duringBlackFriday);
    const { complete } = services(ledger, {}, [blackFriday]);

    // Act
    const credited = await complete.execute(order('order_1', 150, electronics), duringBlackFriday);

    // Assess
    expect(credited.ok && credited.value.entry).toMatchObject({
      points: 30,
      lines: [
        { kind: 'base', points: 15 },
        { kind: 'purchase_multiplier', campaignId: 'camp_bf', points: 15 },
      ],
    });
    expect(credited.ok && credited.value.order.lines).toHaveLength(2);
    expectReconciled(ledger);
  });

  it('estimates exactly what the order then earns, and writes nothing', async () => {
    // Prepare
    const ledger = new InMemoryLedger(duringBlackFriday);
    const sources = { programs: fixedProgram(), campaigns: { listCampaigns: async () => [blackFriday] } };
    const estimator = new EstimateOrderPoints(ledger, ledger, sources);
    const { complete } = services(ledger, {}, [blackFriday]);

    // Act
    const estimate = await estimator.execute(order('order_1', 150, electronics), duringBlackFriday);
    const entriesBefore = ledger.entries.length;
    const credited = await complete.execute(order('order_1', 150, electronics), duringBlackFriday);

    // Assess
    expect(entriesBefore).toBe(0);
    expect(estimate.ok && estimate.value).toMatchObject({ points: 30, pending: false });
    expect(credited.ok && credited.value.entry?.lines).toEqual(estimate.ok && estimate.value.lines);
  });

  it.each([
    ['the default welcome bonus', [] as Campaign[], 100],
    ["the tenant's own signup campaign", [campaignFrom({ name: 'Hello', type: 'signup_bonus', points: 250 }, 'camp_hello')], 250],
  ])('credits %s once per customer on user.created', async (_name, campaigns, points) => {
    // Prepare
    const ledger = new InMemoryLedger();
    const bonus = new AwardSignupBonus(ledger, fixedProgram(), { listCampaigns: async () => campaigns });

    // Act
    const first = await bonus.execute({ tenantId: T, userId: U });
    const again = await bonus.execute({ tenantId: T, userId: U });

    // Assess
    expect(first.ok && first.value.entry).toMatchObject({ type: 'earned', points, lines: [{ kind: 'signup_bonus', points }] });
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(ledger.account(T, U)?.available).toBe(points);
  });

  it('stops at a campaign budget and counts what it gave', async () => {
    // Prepare
    const capped = campaignFrom({ ...blackFridayBody, limits: { budget: 20 } }, 'camp_budget');
    const ledger = new InMemoryLedger(duringBlackFriday);
    const { complete } = services(ledger, {}, [capped]);

    // Act
    const orders = [];
    for (const id of ['order_1', 'order_2', 'order_3']) orders.push(await complete.execute(order(id, 150, electronics), duringBlackFriday));

    // Assess
    expect(orders.map((posted) => (posted.ok ? posted.value.entry?.points : 'error'))).toEqual([30, 20, 15]);
    expect(ledger.counters.get('demo#budget#camp_budget')).toBe(20);
  });

  it('records the upgrade to silver on the entry that crosses 1,000 lifetime points', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete } = services(ledger);

    // Act
    await complete.execute(order('order_1', 9990));
    const crossing = await complete.execute(order('order_2', 10));

    // Assess
    expect(crossing.ok && crossing.value.entry?.tierChanged).toMatchObject({ type: 'tier.changed', from: 'bronze', to: 'silver', direction: 'upgrade' });
    expect(ledger.account(T, U)?.stats).toMatchObject({ completedOrders: 2, spentMinor: 1000000, tier: { tier: 'silver' } });
  });
});

describe('redemptions, adjustments and lots', () => {
  it('refuses to overdraw and writes nothing', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { complete, redeem } = services(ledger);
    await complete.execute(order('order_1'));

    // Act
    const refused = await redeem.execute({ tenantId: T, userId: U, points: 16, reason: 'too much', actor });

    // Assess
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS', details: { available: 15, requested: 16 } } });
    expect(ledger.entries).toHaveLength(1);
  });

  it('spends the soonest-expiring lot first and records the lots it drew from', async () => {
    // Prepare
    const ledger = new InMemoryLedger(new Date('2026-01-10T10:00:00Z'));
    const { complete, redeem } = services(ledger, { expiry: { kind: 'days_after_earning', days: 30 } });
    await complete.execute(order('order_old', 100));
    ledger.now = new Date('2026-01-20T10:00:00Z');
    await complete.execute(order('order_new', 100));

    // Act
    const redeemed = await redeem.execute({ tenantId: T, userId: U, points: 12, reason: 'gift', actor });

    // Assess
    const [oldLot, newLot] = ledger.entries.map((entry) => entry.entryId);
    expect(redeemed.ok && redeemed.value.entry?.lots).toEqual([
      { lotId: oldLot, points: -10, expiresAt: '2026-02-10T00:00:00.000Z' },
      { lotId: newLot, points: -2, expiresAt: '2026-02-20T00:00:00.000Z' },
    ]);
    expect(ledger.account(T, U)?.lots).toEqual([expect.objectContaining({ lotId: newLot, points: 8 })]);
  });

  it('expires only what is left of a lot past its date', async () => {
    // Prepare
    const ledger = new InMemoryLedger(new Date('2026-01-10T10:00:00Z'));
    const { complete, redeem } = services(ledger, { expiry: { kind: 'days_after_earning', days: 30 } });
    const program = await fixedProgram({ expiry: { kind: 'days_after_earning', days: 30 } }).getProgram(T);
    await complete.execute(order('order_1', 100));
    await redeem.execute({ tenantId: T, userId: U, points: 4, reason: 'gift', actor });
    const account = ledger.account(T, U);
    const lotId = account?.lots[0]?.lotId ?? '';

    // Act
    const tooEarly = account && expire(account, lotId, { entryId: 'txn_e', now: new Date('2026-02-09T23:59:59Z') }, program);
    const due = account && expire(account, lotId, { entryId: 'txn_e', now: new Date('2026-02-10T00:00:00Z') }, program);

    // Assess
    expect(tooEarly).toBeUndefined();
    expect(due?.entry).toMatchObject({ type: 'expired', points: -6, changes: { available: -6, expired: 6 } });
    expect(due?.account).toMatchObject({ available: 0, expired: 6, lots: [] });
  });

  it('records the actor of an adjustment and never lets one overdraw', async () => {
    // Prepare
    const ledger = new InMemoryLedger();
    const { adjust } = services(ledger);

    // Act
    const credited = await adjust.execute({ tenantId: T, userId: U, points: 20, reason: 'goodwill', actor });
    const overdraw = await adjust.execute({ tenantId: T, userId: U, points: -21, reason: 'fix', actor });
    const noReason = await adjust.execute({ tenantId: T, userId: U, points: 5, reason: ' ', actor });

    // Assess
    expect(credited.ok && credited.value.entry).toMatchObject({ type: 'adjusted', points: 20, actor, changes: { lifetimeEarned: 0 } });
    expect(overdraw.ok || overdraw.error.code).toBe('INSUFFICIENT_POINTS');
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('ledger properties', () => {
  type Step =
    | { op: 'order'; amount: number }
    | { op: 'redeem'; points: number }
    | { op: 'refund'; order: number; cents: number }
    | { op: 'cancel'; order: number }
    | { op: 'adjust'; points: number }
    | { op: 'advance'; days: number }
    | { op: 'jobs' };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('order' as const), amount: fc.integer({ min: 0, max: 500 }) }),
    fc.record({ op: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 80 }) }),
    fc.record({ op: fc.constant('refund' as const), order: fc.nat(20), cents: fc.integer({ min: 1, max: 30000 }) }),
    fc.record({ op: fc.constant('cancel' as const), order: fc.nat(20) }),
    fc.record({ op: fc.constant('adjust' as const), points: fc.integer({ min: -30, max: 30 }).filter((points) => points !== 0) }),
    fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 40 }) }),
    fc.constant({ op: 'jobs' as const }),
  );

  it('keeps totals equal to the entries, lots equal to the balance, and never overdraws by redemption', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.constantFrom<ReversalPolicy>('allow_negative', 'clamp'),
        fc.constantFrom(0, 7),
        async (steps, reversalPolicy, pendingDays) => {
          // Prepare
          const settings = { reversalPolicy, pendingDays, expiry: { kind: 'days_after_earning' as const, days: 30 } };
          const program = await fixedProgram(settings).getProgram(T);
          const ledger = new InMemoryLedger(new Date('2026-01-01T00:00:00Z'));
          const { complete, change, redeem, adjust } = services(ledger, settings);
          let orders = 0;

          // Act
          for (const [index, s] of steps.entries()) {
            const before = ledger.account(T, U)?.available ?? 0;
            if (s.op === 'order') await complete.execute(order(`order_${orders++}`, s.amount));
            if (s.op === 'redeem') {
              const redeemed = await redeem.execute({ tenantId: T, userId: U, points: s.points, reason: 'r', actor, idempotencyKey: `k${index}` });
              // Assess (each redemption)
              expect(redeemed.ok).toBe(s.points <= before);
              if (redeemed.ok) expect(ledger.account(T, U)?.available).toBe(before - s.points);
            }
            if ((s.op === 'refund' || s.op === 'cancel') && s.order < orders) {
              await change.execute({
                tenantId: T,
                orderId: `order_${s.order}`,
                change: s.op === 'cancel' ? { kind: 'cancel' } : { kind: 'refund_amount', amount: (s.cents / 100).toFixed(2) },
                refundId: `refund_${index}`,
              });
            }
            if (s.op === 'adjust') await adjust.execute({ tenantId: T, userId: U, points: s.points, reason: 'a', actor, idempotencyKey: `a${index}` });
            if (s.op === 'advance') ledger.now = new Date(ledger.now.getTime() + s.days * 86_400_000);
            if (s.op === 'jobs') {
              for (const lot of ledger.account(T, U)?.lots ?? []) {
                for (const [effect, job] of [['matured', mature], ['expired', expire]] as const) {
                  await ledger.post({
                    tenantId: T,
                    userId: U,
                    idempotencyKey: `lot#${lot.lotId}#${effect}`,
                    requestHash: fingerprint({ lotId: lot.lotId }),
                    plan: (state, context) => ok(state.account && job(state.account, lot.lotId, context, program)),
                  });
                }
              }
            }
          }

          // Assess
          expectReconciled(ledger);
          for (const record of ledger.orders.values()) {
            expect(record.pointsReversed).toBeLessThanOrEqual(record.pointsEarned);
          }
          if (reversalPolicy === 'clamp') expect(ledger.account(T, U)?.available ?? 0).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
