import { randomUUID } from 'node:crypto';
import { CreditOrderPoints } from '../orders/credit-order-points';
import { createDocumentClient } from './document-client';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';
import { DynamoDbPointsLedger } from './dynamodb-points-ledger';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

// Runs against the DynamoDB Local that the integration test set-up starts (TABLE_NAME, endpoint).
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const ledger = new DynamoDbPointsLedger(client, tableName);
const accounts = new DynamoDbPointsAccountReader(client, tableName);
const creditOrderPoints = new CreditOrderPoints(ledger);

const newTenant = () => `t-${randomUUID()}`;
const order = (tenantId: string, orderId: string, amount = 150) => ({
  tenantId,
  orderId,
  userId: 'user_1',
  amount,
  currency: 'USD',
});

async function entriesOf(tenantId: string, userId: string) {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
      ExpressionAttributeValues: { ':pk': keys.account(tenantId, userId).PK, ':entry': 'ENTRY#' },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/** Reconciles one account: its totals must equal the sum of its entries. */
async function expectReconciled(tenantId: string, userId: string) {
  const entries = await entriesOf(tenantId, userId);
  const account = await accounts.getAccount(tenantId, userId, { consistent: true });
  const sum = entries.reduce((total, entry) => total + (entry['points'] as number), 0);
  expect(account?.available).toBe(sum);
  expect(account?.version).toBe(entries.length);
}

describe('DynamoDbPointsLedger against DynamoDB Local', () => {
  it('credits an order once, with the entry, the totals and the idempotency record', async () => {
    // Prepare
    const tenantId = newTenant();

    // Act
    const credited = await creditOrderPoints.execute(order(tenantId, 'order_1'));

    // Assess
    expect(credited).toMatchObject({ ok: true, value: { points: 15, balanceAfter: 15, duplicate: false } });
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, lifetimeEarned: 15, version: 1 });
    const [entry] = await entriesOf(tenantId, 'user_1');
    expect(entry).toMatchObject({ type: 'earned', points: 15, balanceAfter: 15, source: { kind: 'order', id: 'order_1' } });
    expect(entry?.['entryId']).toMatch(/^txn_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('answers a repeated order with the first result and writes nothing', async () => {
    // Prepare
    const tenantId = newTenant();
    const first = await creditOrderPoints.execute(order(tenantId, 'order_1'));

    // Act
    const repeated = await creditOrderPoints.execute(order(tenantId, 'order_1'));

    // Assess
    expect(repeated.ok && first.ok && repeated.value.entryId).toBe(first.ok && first.value.entryId);
    expect(repeated.ok && repeated.value.duplicate).toBe(true);
    expect(await entriesOf(tenantId, 'user_1')).toHaveLength(1);
  });

  it('refuses the same order with a different amount as a conflict', async () => {
    // Prepare
    const tenantId = newTenant();
    await creditOrderPoints.execute(order(tenantId, 'order_1', 150));

    // Act
    const changed = await creditOrderPoints.execute(order(tenantId, 'order_1', 990));

    // Assess
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.error.code).toBe('CONFLICT');
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15 });
  });

  it('applies one effect when the same order arrives many times at once', async () => {
    // Prepare
    const tenantId = newTenant();

    // Act
    const results = await Promise.all(
      Array.from({ length: 12 }, () => creditOrderPoints.execute(order(tenantId, 'order_1'))),
    );

    // Assess
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.value.duplicate)).toHaveLength(1);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, version: 1 });
    await expectReconciled(tenantId, 'user_1');
  });

  it('loses no update when different orders credit one customer concurrently', async () => {
    // Prepare
    const tenantId = newTenant();

    // Act
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => creditOrderPoints.execute(order(tenantId, `order_${index}`, 100))),
    );

    // Assess
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 100, lifetimeEarned: 100, version: 10 });
    const balances = (await entriesOf(tenantId, 'user_1')).map((entry) => entry['balanceAfter']).sort((a, b) => a - b);
    expect(balances).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    await expectReconciled(tenantId, 'user_1');
  });

  it('keeps tenants apart: the same user and order ids in two tenants are two accounts', async () => {
    // Prepare
    const [first, second] = [newTenant(), newTenant()];

    // Act
    await creditOrderPoints.execute(order(first, 'order_1', 150));
    await creditOrderPoints.execute(order(second, 'order_1', 300));

    // Assess
    expect(await accounts.getAccount(first, 'user_1')).toMatchObject({ available: 15 });
    expect(await accounts.getAccount(second, 'user_1')).toMatchObject({ available: 30 });
  });
});
