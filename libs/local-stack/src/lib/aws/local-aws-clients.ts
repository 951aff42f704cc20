import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../config/naming';

/** Explicit settings, so that whatever AWS profile or variables the developer has set are ignored. */
function localClientConfig(endpoint: string) {
  return { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
}

export function createLocalDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(localClientConfig(endpoint));
}

export function createLocalSqsClient(endpoint: string): SQSClient {
  return new SQSClient(localClientConfig(endpoint));
}
