import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DueAccount } from '../jobs/due-accounts-reader';
import type { AccountDirectory } from '../ledger/reconcile-accounts';

/** Lists accounts by scanning the table: meant for reconciliation runs, not request paths. */
export class DynamoDbAccountDirectory implements AccountDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *allAccounts(tenantId?: string): AsyncIterable<DueAccount> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: tenantId ? 'entityType = :type AND tenantId = :tenant' : 'entityType = :type',
          ExpressionAttributeValues: { ':type': 'POINTS_ACCOUNT', ...(tenantId && { ':tenant': tenantId }) },
          ProjectionExpression: 'tenantId, userId',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) yield { tenantId: item['tenantId'] as string, userId: item['userId'] as string };
      start = page.LastEvaluatedKey;
    } while (start);
  }
}
