import { applyPosting } from '../ledger/posting';
import { orderPosting as posting } from '../ledger/posting.fixture';
import { POSTING_ITEM, postingTransaction } from './posting-transaction';

const result = applyPosting(undefined, posting, 'txn_1', new Date('2026-11-21T10:00:00.000Z'));

describe('postingTransaction', () => {
  it('writes idempotency record, entry and account together, each guarded', () => {
    // Act
    const { TransactItems = [] } = postingTransaction('table', posting, result, undefined);

    // Assess
    expect(TransactItems.map((item) => item.Put?.Item?.['entityType'])).toEqual([
      'IDEMPOTENCY',
      'LEDGER_ENTRY',
      'POINTS_ACCOUNT',
    ]);
    expect(TransactItems[POSTING_ITEM.idempotency].Put).toMatchObject({
      TableName: 'table',
      Item: { PK: 'TENANT#demo#IDEMPOTENCY#order#order_1#earned', SK: 'IDEMPOTENCY', requestHash: 'hash', entry: result.entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(TransactItems[POSTING_ITEM.entry].Put).toMatchObject({
      Item: { PK: 'TENANT#demo#USER#user_1', SK: 'ENTRY#txn_1', points: 15, balanceAfter: 15 },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(TransactItems[POSTING_ITEM.account].Put).toMatchObject({
      Item: { PK: 'TENANT#demo#USER#user_1', SK: 'ACCOUNT', available: 15, lifetimeEarned: 15, version: 1 },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('guards an existing account by the version that was read', () => {
    // Act
    const { TransactItems = [] } = postingTransaction('table', posting, result, 7);

    // Assess
    expect(TransactItems[POSTING_ITEM.account].Put).toMatchObject({
      ConditionExpression: '#version = :expectedVersion',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expectedVersion': 7 },
    });
  });
});
