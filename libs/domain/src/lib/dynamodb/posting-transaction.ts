import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Posting, PostingResult } from '../ledger/posting';
import { keys } from './keys';

/** Positions of the items in the transaction, to read its cancellation reasons by meaning. */
export const POSTING_ITEM = { idempotency: 0, entry: 1, account: 2 } as const;

/**
 * One posting as one transaction: the idempotency record, the entry and the account totals are
 * written together or not at all. The account write is guarded by the version that was read, so a
 * concurrent posting in between cancels this one instead of being overwritten.
 */
export function postingTransaction(
  tableName: string,
  posting: Posting,
  result: PostingResult,
  expectedVersion: number | undefined,
): TransactWriteCommandInput {
  const { entry, account } = result;
  return {
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.idempotency(posting.tenantId, posting.idempotencyKey),
            entityType: 'IDEMPOTENCY',
            requestHash: posting.requestHash,
            entry,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.entry(entry.tenantId, entry.userId, entry.entryId), entityType: 'LEDGER_ENTRY', ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.account(account.tenantId, account.userId), entityType: 'POINTS_ACCOUNT', ...account },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#version = :expectedVersion',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
              }),
        },
      },
    ],
  };
}
