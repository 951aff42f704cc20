import { randomUUID } from 'node:crypto';
import { RunLedgerJobs } from '../jobs/run-ledger-jobs';
import { LedgerNotification } from '../jobs/ledger-notification';
import { ChangeOrder } from '../orders/change-order';
import { CompleteOrder } from '../orders/complete-order';
import { AdjustPoints } from '../points/adjust-points';
import { RedeemPoints } from '../points/redeem-points';
import { DEFAULT_PROGRAM, ProgramSettings } from '../program/program-settings';
import { Campaign } from '../campaigns/campaign';
import { blackFridayBody, campaignFrom } from '../campaigns/campaign.fixture';
import { createDocumentClient } from './document-client';
import { DynamoDbDueAccountsReader } from './dynamodb-due-accounts-reader';
import { DynamoDbLedgerHistoryReader } from './dynamodb-ledger-history-reader';
import { DynamoDbOrderReader } from './dynamodb-order-reader';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';
import { DynamoDbPointsLedger } from './dynamodb-points-ledger';
import { dynamoDbReconciler } from './dynamodb-reconciler';

// Runs against the DynamoDB Local that the integration test set-up starts (TABLE_NAME, endpoint).
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const accounts = new DynamoDbPointsAccountReader(client, tableName);
const history = new DynamoDbLedgerHistoryReader(client, tableName);
const orders = new DynamoDbOrderReader(client, tableName);
const reconciler = dynamoDbReconciler(client, tableName);
const actor = { sub: 'staff_1', role: 'staff' };

function stack(program: Partial<ProgramSettings> = {}, now?: () => Date, campaigns: Campaign[] = []) {
  const ledger = new DynamoDbPointsLedger(client, tableName, { now });
  const programs = { getProgram: async () => ({ ...DEFAULT_PROGRAM, ...program }) };
  return {
    ledger,
    complete: new CompleteOrder(ledger, { programs, campaigns: { listCampaigns: async () => campaigns } }),
    change: new ChangeOrder(ledger, orders, programs),
    redeem: new RedeemPoints(ledger, programs),
    adjust: new AdjustPoints(ledger, programs),
    programs,
  };
}

const newTenant = () => `t-${randomUUID()}`;
const order = (tenantId: string, orderId: string, amount: number | string = 150) => ({
  tenantId,
  orderId,
  userId: 'user_1',
  amount,
  currency: 'USD',
});

/** Every scenario ends here: the tenant's accounts equal the sum of their entries. */
async function expectNoDrift(tenantId: string) {
  const report = await reconciler.execute(tenantId);
  expect(report.drifts).toEqual([]);
  expect(report.accounts).toBeGreaterThan(0);
}

describe('the ledger against DynamoDB Local', () => {
  it('credits an order once, with its entry, totals, order and idempotency record', async () => {
    // Prepare
    const tenantId = newTenant();
    const { complete } = stack();

    // Act
    const credited = await complete.execute(order(tenantId, 'order_1'));

    // Assess
    expect(credited).toMatchObject({ ok: true, value: { duplicate: false, order: { status: 'completed', pointsEarned: 15 } } });
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, lifetimeEarned: 15, version: 1 });
    const [entry] = await history.allEntries(tenantId, 'user_1');
    expect(entry).toMatchObject({ type: 'earned', points: 15, balanceAfter: 15, source: { kind: 'order', id: 'order_1' }, sequence: 1 });
    expect(entry?.entryId).toMatch(/^txn_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await orders.getOrder(tenantId, 'order_1')).toMatchObject({ pointsEarned: 15, earnEntryId: entry?.entryId });
    await expectNoDrift(tenantId);
  });

  it('credits an order delivered 3 times, some concurrently, exactly once', async () => {
    // Prepare
    const tenantId = newTenant();
    const { complete } = stack();
    const deliveries = Array.from({ length: 20 }, (_, index) => `order_${index % 10}`);

    // Act
    const first = await Promise.all(deliveries.map((orderId) => complete.execute(order(tenantId, orderId))));
    const third = await Promise.all(deliveries.slice(0, 10).map((orderId) => complete.execute(order(tenantId, orderId, '150.00'))));

    // Assess
    expect([...first, ...third].every((outcome) => outcome.ok)).toBe(true);
    expect([...first, ...third].filter((outcome) => outcome.ok && !outcome.value.duplicate)).toHaveLength(10);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 150, version: 10 });
    await expectNoDrift(tenantId);
  });

  it('refuses the same order with a different amount as a conflict', async () => {
    // Prepare
    const tenantId = newTenant();
    const { complete } = stack();
    await complete.execute(order(tenantId, 'order_1'));

    // Act
    const changed = await complete.execute(order(tenantId, 'order_1', 151));

    // Assess
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await expectNoDrift(tenantId);
  });

  it('lets exactly 100 of 200 concurrent 10-point redemptions through a 1,000-point balance', async () => {
    // Prepare
    const tenantId = newTenant();
    const { adjust } = stack();
    await adjust.execute({ tenantId, userId: 'user_1', points: 1000, reason: 'opening balance', actor });
    // Four ledgers stand for four Lambda containers: each queues its own writers, and the four race.
    const containers = Array.from({ length: 4 }, () => stack().redeem);

    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        (containers[index % 4] as RedeemPoints).execute({ tenantId, userId: 'user_1', points: 10, reason: 'coffee', actor, idempotencyKey: `r${index}` }),
      ),
    );

    // Assess
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(100);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.error.code === 'INSUFFICIENT_POINTS')).toHaveLength(100);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 0, redeemed: 1000 });
    const balances = (await history.allEntries(tenantId, 'user_1')).map((entry) => entry.balanceAfter);
    expect(Math.min(...balances)).toBe(0);
    await expectNoDrift(tenantId);
  }, 120_000);

  it('caps partial refunds that add up to more than the order', async () => {
    // Prepare
    const tenantId = newTenant();
    const { complete, change } = stack();
    await complete.execute(order(tenantId, 'order_1'));

    // Act
    const refunds = await Promise.all(
      ['100.00', '100.00', '100.00'].map((amount, index) =>
        change.execute({ tenantId, orderId: 'order_1', change: { kind: 'refund_amount', amount }, refundId: `refund_${index}` }),
      ),
    );

    // Assess
    expect(refunds.every((refund) => refund.ok)).toBe(true);
    expect(await orders.getOrder(tenantId, 'order_1')).toMatchObject({ status: 'refunded', pointsReversed: 15, refundedMinor: 15000 });
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 0, lifetimeEarned: 0 });
    await expectNoDrift(tenantId);
  });

  it('matures, warns about and expires the right lots, however many times the jobs run', async () => {
    // Prepare
    const tenantId = newTenant();
    let now = new Date('2026-01-01T12:00:00Z');
    const program = { pendingDays: 10, expiry: { kind: 'days_after_earning' as const, days: 30 }, expiringSoonDays: 7 };
    const { complete, redeem, ledger, programs } = stack(program, () => now);
    const notices: LedgerNotification[] = [];
    const jobs = new RunLedgerJobs(
      new DynamoDbDueAccountsReader(client, tableName),
      accounts,
      programs,
      ledger,
      { publish: async (sent) => void notices.push(...sent) },
      ledger,
    );
    await complete.execute(order(tenantId, 'order_old', 100));
    now = new Date('2026-01-05T12:00:00Z');
    await complete.execute(order(tenantId, 'order_new', 100));

    // Act
    now = new Date('2026-01-12T12:00:00Z'); // the older return window is over
    await Promise.all([jobs.execute(now), jobs.execute(now)]);
    now = new Date('2026-01-16T12:00:00Z'); // the newer too
    await jobs.execute(now);
    await redeem.execute({ tenantId, userId: 'user_1', points: 4, reason: 'gift', actor });
    now = new Date('2026-02-06T12:00:00Z'); // the older lot (expiring 02-12) is within 7 days
    await jobs.execute(now);
    await jobs.execute(now);
    now = new Date('2026-02-13T00:00:00Z'); // the older lot has expired, the newer (02-17) is close
    await Promise.all([jobs.execute(now), jobs.execute(now)]);

    // Assess
    const entries = await history.allEntries(tenantId, 'user_1');
    expect(entries.map((entry) => `${entry.type}:${entry.points}`)).toEqual([
      'pending:10',
      'pending:10',
      'matured:10',
      'matured:10',
      'redeemed:-4',
      'expired:-6',
    ]);
    const [oldLot, newLot] = entries.map((entry) => entry.entryId);
    expect(entries[4]?.lots).toEqual([{ lotId: oldLot, points: -4, expiresAt: '2026-02-12T00:00:00.000Z' }]);
    const sent = new Map(notices.flatMap((notice) => (notice.type === 'points.expiring_soon' ? [[notice.lotId, notice.points]] : [])));
    expect([...sent]).toEqual([
      [oldLot, 6],
      [newLot, 10],
    ]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 10, pending: 0, expired: 6, redeemed: 4, lifetimeEarned: 20 });
    await expectNoDrift(tenantId);
  });

  it("never gives more than a campaign's budget, however many orders race for it", async () => {
    // Prepare
    const tenantId = newTenant();
    const during = new Date('2025-11-25T15:00:00Z');
    const campaign = campaignFrom({ ...blackFridayBody, limits: { budget: 100 } }, 'camp_budget');
    const { complete } = stack({}, () => during, [campaign]);
    const electronics = (orderId: string, userId: string) => ({
      ...order(tenantId, orderId),
      userId,
      items: [{ sku: 'tv', category: 'electronics', price: 150, quantity: 1 }],
    });

    // Act
    const posted = await Promise.all(
      Array.from({ length: 30 }, (_, index) => complete.execute(electronics(`order_${index}`, `user_${index % 3}`), during)),
    );

    // Assess
    const bonuses = posted.flatMap((outcome) => (outcome.ok ? outcome.value.order.lines : [])).filter((line) => line.campaignId === 'camp_budget');
    expect(posted.every((outcome) => outcome.ok)).toBe(true);
    expect(bonuses.reduce((sum, line) => sum + line.points, 0)).toBe(100);
    await expectNoDrift(tenantId);
  }, 60_000);

  it('pages history newest first, by type, and orders per customer', async () => {
    // Prepare
    const tenantId = newTenant();
    const { complete, redeem } = stack();
    for (let index = 0; index < 5; index++) await complete.execute(order(tenantId, `order_${index}`));
    await redeem.execute({ tenantId, userId: 'user_1', points: 3, reason: 'gift', actor });

    // Act
    const first = await history.history(tenantId, 'user_1', { limit: 4 });
    const second = await history.history(tenantId, 'user_1', { limit: 4, after: first.next });
    const redeemed = await history.history(tenantId, 'user_1', { limit: 10, type: 'redeemed' });
    const customerOrders = await orders.listOrders(tenantId, { userId: 'user_1', limit: 3 });
    const completed = await orders.listOrders(tenantId, { status: 'completed', limit: 10 });

    // Assess
    expect(first.items.map((entry) => entry.sequence)).toEqual([6, 5, 4, 3]);
    expect(second.items.map((entry) => entry.sequence)).toEqual([2, 1]);
    expect(second.next).toBeUndefined();
    expect(redeemed.items.map((entry) => entry.type)).toEqual(['redeemed']);
    expect(customerOrders.items.map((found) => found.orderId)).toEqual(['order_4', 'order_3', 'order_2']);
    expect(customerOrders.next).toBeDefined();
    expect(completed.items).toHaveLength(5);
  });
});
