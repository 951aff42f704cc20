import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { createLocalDynamoDbClient } from '../aws/local-aws-clients';
import { ensureTable } from './ensure-table';

describe('ensureTable', () => {
  let dynamoDb: DynamoDBClient;

  beforeAll(() => {
    dynamoDb = createLocalDynamoDbClient(
      process.env['AWS_ENDPOINT_URL_DYNAMODB'] as string,
    );
  });

  afterAll(() => dynamoDb.destroy());

  it('creates the table with the keys, indexes, stream and TTL of the shared definition', async () => {
    // Prepare
    const tableName = `test-${randomUUID()}`;

    // Act
    const creation = await ensureTable(dynamoDb, tableName);

    // Assess
    expect(creation).toBe('created');
    const { Table } = await dynamoDb.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(
      Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort(),
    ).toEqual(['GSI1', 'GSI2']);
    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    const { TimeToLiveDescription } = await dynamoDb.send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    );
    expect(TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('leaves an existing table as it is', async () => {
    // Prepare
    const tableName = `test-${randomUUID()}`;
    await ensureTable(dynamoDb, tableName);

    // Act
    const creation = await ensureTable(dynamoDb, tableName);

    // Assess
    expect(creation).toBe('already-existed');
  });

  it('created the local table in the global set-up', async () => {
    // Prepare
    const tableName = process.env['TABLE_NAME'];

    // Act
    const { Table } = await dynamoDb.send(
      new DescribeTableCommand({ TableName: tableName }),
    );

    // Assess
    expect(Table?.TableName).toBe('loyalty-local');
    expect(Table?.TableStatus).toBe('ACTIVE');
  });
});
