import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { HistoryQuery, LedgerHistoryReader } from '../ledger/ledger-history-reader';
import type { Page } from '../shared/page';
import { fromItem, keys } from './keys';
import { queryAll, queryPage } from './query-pages';

/** Entries live in the customer's partition; a type filter reads index GSI1 so pages stay full. */
export class DynamoDbLedgerHistoryReader implements LedgerHistoryReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  history(tenantId: string, userId: string, query: HistoryQuery): Promise<Page<LedgerEntry>> {
    const { PK } = keys.account(tenantId, userId);
    if (query.type) {
      const { GSI1PK } = keys.entryByType(tenantId, userId, query.type, 0);
      return queryPage<LedgerEntry>(
        this.client,
        {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :type',
          ExpressionAttributeValues: { ':type': GSI1PK },
          ScanIndexForward: false,
        },
        { ...query, keyAttributes: ['PK', 'SK', 'GSI1PK', 'GSI1SK'] },
      );
    }
    return queryPage<LedgerEntry>(
      this.client,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
        ExpressionAttributeValues: { ':pk': PK, ':entry': keys.entryPrefix },
        ScanIndexForward: false,
      },
      { ...query, keyAttributes: ['PK', 'SK'] },
    );
  }

  async allEntries(tenantId: string, userId: string): Promise<LedgerEntry[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
      ExpressionAttributeValues: { ':pk': keys.account(tenantId, userId).PK, ':entry': keys.entryPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => fromItem<LedgerEntry>(item));
  }
}
