import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PointsAccount } from '../ledger/points-account';
import type { PointsAccountReader } from '../ledger/points-account-reader';
import { fromItem, keys } from './keys';

export class DynamoDbPointsAccountReader implements PointsAccountReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** `consistent` is for writers that derive the next state from this read. */
  async getAccount(tenantId: string, userId: string, { consistent = false } = {}): Promise<PointsAccount | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.account(tenantId, userId), ConsistentRead: consistent }),
    );
    return Item && fromItem<PointsAccount>(Item);
  }
}
