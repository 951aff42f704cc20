import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The endpoint, region and credentials come from the SDK's standard environment
 * (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local), so no code path is local-only.
 */
export function createDocumentClient(client: DynamoDBClient = new DynamoDBClient({})) {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
