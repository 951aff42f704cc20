import {
  DynamoDbPointsAccountReader,
  dynamoDbReconciler,
  type ReconcileReport,
} from '@loyalty/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountOutcome } from './expected-ledger';

/** What the table holds for these customers (consistent reads); absent for one without account. */
export async function accountOutcomes(
  client: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
  userIds: readonly string[],
): Promise<Record<string, AccountOutcome | undefined>> {
  const accounts = new DynamoDbPointsAccountReader(client, tableName);
  const outcomes = await Promise.all(
    userIds.map(async (userId) => {
      const account = await accounts.getAccount(tenantId, userId, {
        consistent: true,
      });
      return [
        userId,
        account && {
          available: account.available,
          lifetimeEarned: account.lifetimeEarned,
          redeemed: account.redeemed,
          entries: account.version,
        },
      ] as const;
    }),
  );
  return Object.fromEntries(outcomes);
}

/** `npm run reconcile -- --tenant <id>`: every account of the tenant against its entries. */
export function reconcileTenant(
  client: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
): Promise<ReconcileReport> {
  return dynamoDbReconciler(client, tableName).execute(tenantId);
}
