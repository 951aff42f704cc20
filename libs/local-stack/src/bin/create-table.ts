/**
 * Creates the local table (and turns on its TTL) in a DynamoDB Local you started yourself, e.g.
 * with `docker compose up`; `npm start` and `npm run infra` do this on their own. Idempotent.
 * Uses DYNAMODB_PORT like the other scripts.
 */
import { createLocalDynamoDbClient } from '../lib/aws/local-aws-clients';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { LOCAL_TABLE_NAME } from '../lib/config/naming';
import { ensureTable } from '../lib/dynamodb/ensure-table';
import { LOOPBACK_HOST } from '../lib/net/free-port';

async function main(): Promise<void> {
  const endpoint = `http://${LOOPBACK_HOST}:${readLocalStackSettings().ports.dynamoDbPort}`;
  const dynamoDb = createLocalDynamoDbClient(endpoint);
  try {
    const creation = await ensureTable(dynamoDb, LOCAL_TABLE_NAME);
    console.log(`Table ${LOCAL_TABLE_NAME} ${creation} at ${endpoint}`);
  } finally {
    dynamoDb.destroy();
  }
}

main().catch((error: Error) => {
  console.error(
    `Could not create the table: ${error.message}\nIs DynamoDB Local running?`,
  );
  process.exit(1);
});
