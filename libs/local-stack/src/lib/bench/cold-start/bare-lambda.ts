import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createRawOrderHandler } from '../raw/raw-order-handler';

/**
 * The bare Lambda the cold start compares the bundles with: the AWS SDK's DynamoDB clients and
 * the raw order handler, bundled into one file the same way (esbuild, at bench time). An SQS event
 * is handled like the raw ingest baseline (real reads and the transaction); anything else is
 * answered at once, as a health check would be.
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
const handleOrders = createRawOrderHandler(
  client,
  process.env['TABLE_NAME'] ?? '',
);

export async function handler(
  event: SQSEvent | Record<string, unknown>,
): Promise<SQSBatchResponse | { statusCode: number; body: string }> {
  if (Array.isArray(event['Records'])) {
    return handleOrders(event as SQSEvent);
  }
  return { statusCode: 200, body: '{"success":true,"data":{"status":"ok"}}' };
}
