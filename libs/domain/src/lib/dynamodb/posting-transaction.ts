import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PostingPlan, PostingRequest } from '../ledger/posting';
import { keys } from './keys';

/** Positions of the items in the transaction, to read its cancellation reasons by meaning. */
export const POSTING_ITEM = { idempotency: 0, entry: 1, account: 2 } as const;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Guards a write by the version that was read (or by absence, when nothing was read). */
function versionGuard(expectedVersion: number | undefined) {
  return expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : {
        ConditionExpression: '#version = :expectedVersion',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
      };
}

/**
 * One posting as one transaction: the idempotency record, the entry, the account totals and, when
 * involved, the order and limit counters are written together or not at all. Account and order
 * writes are guarded by the versions read, so a concurrent posting cancels this one instead of
 * being overwritten; counters only rise while they stay within their limit.
 */
export function postingTransaction(
  tableName: string,
  request: Pick<PostingRequest, 'tenantId' | 'idempotencyKey' | 'requestHash'>,
  plan: PostingPlan,
  read: { accountVersion?: number; orderVersion?: number },
): TransactWriteCommandInput {
  const { entry, account, order, counters = [] } = plan;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.idempotency(request.tenantId, request.idempotencyKey),
          entityType: 'IDEMPOTENCY',
          requestHash: request.requestHash,
          entry,
          ...(order && { order }),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.entry(entry.tenantId, entry.userId, entry.sequence),
          ...keys.entryByType(entry.tenantId, entry.userId, entry.type, entry.sequence),
          entityType: 'LEDGER_ENTRY',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: tableName, Item: accountItem(plan.account), ...versionGuard(read.accountVersion) } },
  ];
  if (order) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.order(order.tenantId, order.orderId),
          ...keys.orderIndexes(order.tenantId, order.userId, order.createdAt, order.orderId),
          entityType: 'ORDER',
          ...order,
        },
        ...versionGuard(read.orderVersion),
      },
    });
  }
  for (const counter of counters) {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.counter(account.tenantId, counter.counterId),
        UpdateExpression: 'ADD #used :increment SET entityType = :type',
        ConditionExpression: '(attribute_not_exists(#used) AND :increment <= :limit) OR #used <= :room',
        ExpressionAttributeNames: { '#used': 'used' },
        ExpressionAttributeValues: {
          ':increment': counter.increment,
          ':limit': counter.limit,
          ':room': counter.limit - counter.increment,
          ':type': 'LIMIT_COUNTER',
        },
      },
    });
  }
  return { TransactItems: items };
}

/** The account item, indexed by its next due time when the scheduled jobs have work on it. */
export function accountItem(account: PostingPlan['account']): Record<string, unknown> {
  return {
    ...keys.account(account.tenantId, account.userId),
    ...(account.nextDueAt && keys.accountDue(account.tenantId, account.userId, account.nextDueAt)),
    entityType: 'POINTS_ACCOUNT',
    ...account,
  };
}
