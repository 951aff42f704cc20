import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BirthdayDirectory } from '../customers/birthday-directory';
import { keys } from './keys';
import { queryAll } from './query-pages';

/** Reads index GSI2's birthday partitions, which active profiles with a birthday are listed in. */
export class DynamoDbBirthdayDirectory implements BirthdayDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *customersBornOn(monthDay: string): AsyncIterable<{ tenantId: string; userId: string }> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :day',
      ExpressionAttributeValues: { ':day': keys.birthdayPartition(monthDay) },
      ProjectionExpression: 'tenantId, userId',
    });
    for (const item of items) yield { tenantId: item['tenantId'] as string, userId: item['userId'] as string };
  }
}
