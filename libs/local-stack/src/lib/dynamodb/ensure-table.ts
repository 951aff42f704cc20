import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, timeToLiveInput } from '@loyalty/domain';

export type TableCreation = 'created' | 'already-existed';

const TABLE_ACTIVE_TIMEOUT_SECONDS = 30;

/**
 * Creates the table from the shared definition and turns on its TTL. Idempotent: a table that
 * already exists (persisted data, a second run) is left as it is and only its TTL is checked.
 */
export async function ensureTable(
  dynamoDb: DynamoDBClient,
  tableName: string,
): Promise<TableCreation> {
  const creation = await createTable(dynamoDb, tableName);
  await waitUntilTableExists(
    { client: dynamoDb, maxWaitTime: TABLE_ACTIVE_TIMEOUT_SECONDS },
    { TableName: tableName },
  );
  await enableTimeToLive(dynamoDb, tableName);
  return creation;
}

async function createTable(
  dynamoDb: DynamoDBClient,
  tableName: string,
): Promise<TableCreation> {
  try {
    await dynamoDb.send(new CreateTableCommand(createTableInput(tableName)));
    return 'created';
  } catch (error) {
    if (error instanceof ResourceInUseException) {
      return 'already-existed';
    }
    throw error;
  }
}

async function enableTimeToLive(
  dynamoDb: DynamoDBClient,
  tableName: string,
): Promise<void> {
  const wanted = timeToLiveInput(tableName);
  const { TimeToLiveDescription: current } = await dynamoDb.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const alreadyOn =
    (current?.TimeToLiveStatus === 'ENABLED' ||
      current?.TimeToLiveStatus === 'ENABLING') &&
    current.AttributeName === wanted.TimeToLiveSpecification?.AttributeName;
  // DynamoDB rejects enabling TTL twice, so it is only asked for when it is off.
  if (!alreadyOn) {
    await dynamoDb.send(new UpdateTimeToLiveCommand(wanted));
  }
}
