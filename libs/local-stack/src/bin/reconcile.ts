/**
 * `npm run reconcile [-- --tenant demo]`: recomputes every account from its ledger entries and
 * reports any drift; exits 1 when there is some. Reads TABLE_NAME and the usual AWS settings, so it
 * runs against a deployed table as well; without them, against the local stack.
 */
import { createDocumentClient, dynamoDbReconciler } from '@loyalty/domain';
import { parseArgs } from 'node:util';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { LOCAL_CREDENTIALS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../lib/config/naming';
import { LOOPBACK_HOST } from '../lib/net/free-port';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' } } });
  const tableName = process.env['TABLE_NAME'] ?? useLocalStack();
  const client = createDocumentClient();
  const report = await dynamoDbReconciler(client, tableName).execute(values.tenant);
  console.log(JSON.stringify({ table: tableName, accounts: report.accounts, drifting: report.drifts.length }));
  for (const drift of report.drifts) console.log(JSON.stringify(drift));
  if (report.drifts.length > 0) process.exitCode = 1;
}

/** Points the AWS SDK at the local stack's DynamoDB (and returns its table) when nothing else is set. */
function useLocalStack(): string {
  process.env['AWS_ENDPOINT_URL_DYNAMODB'] ??= `http://${LOOPBACK_HOST}:${readLocalStackSettings().ports.dynamoDbPort}`;
  process.env['AWS_REGION'] ??= LOCAL_REGION;
  process.env['AWS_ACCESS_KEY_ID'] ??= LOCAL_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] ??= LOCAL_CREDENTIALS.secretAccessKey;
  return LOCAL_TABLE_NAME;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
