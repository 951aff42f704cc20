import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DueAccount, DueAccountsReader } from '../jobs/due-accounts-reader';
import { DUE_SHARDS, keys } from './keys';
import { queryAll } from './query-pages';

/** Reads index GSI2, shard by shard: accounts whose next due time is not after `now`. */
export class DynamoDbDueAccountsReader implements DueAccountsReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *dueAccounts(now: Date): AsyncIterable<DueAccount> {
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      const items = await queryAll(this.client, {
        TableName: this.tableName,
        IndexName: 'GSI2',
        // Sort keys are `<due time>#<tenant>#<user>`: everything below "<now>$" is due ('$' follows '#').
        KeyConditionExpression: 'GSI2PK = :shard AND GSI2SK < :dueBy',
        ExpressionAttributeValues: { ':shard': keys.dueShard(shard), ':dueBy': `${now.toISOString()}$` },
        ProjectionExpression: 'tenantId, userId',
      });
      for (const item of items) yield { tenantId: item['tenantId'] as string, userId: item['userId'] as string };
    }
  }
}
