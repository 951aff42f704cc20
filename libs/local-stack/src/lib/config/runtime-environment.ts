import {
  EVENTS_MAX_RECEIVE_COUNT,
  LOCAL_CREDENTIALS,
  LOCAL_JWT_SECRET,
  LOCAL_PAGE_TOKEN_SECRET,
  LOCAL_REGION,
  LOCAL_TABLE_NAME,
  LOCAL_WEBHOOK_BUCKET,
} from './naming';

/** The variables the apps read. The AWS SDK v3 honours the endpoint variables by itself. */
export interface LocalRuntimeEnvironment {
  TABLE_NAME: string;
  EVENTS_QUEUE_URL: string;
  NOTIFICATIONS_QUEUE_URL: string;
  EVENTS_MAX_RECEIVE_COUNT: string;
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_ENDPOINT_URL_DYNAMODB: string;
  AWS_ENDPOINT_URL_SQS: string;
  AWS_ENDPOINT_URL_S3: string;
  WEBHOOK_BUCKET: string;
  JWT_SECRET: string;
  PAGE_TOKEN_SECRET: string;
  API_DOCS_ENABLED: string;
  // An index signature lets the map be spread into process.env and child environments.
  [name: string]: string;
}

export interface LocalEndpoints {
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  s3Endpoint: string;
  eventsQueueUrl: string;
  notificationsQueueUrl: string;
}

export function localRuntimeEnvironment(
  endpoints: LocalEndpoints,
): LocalRuntimeEnvironment {
  return {
    TABLE_NAME: LOCAL_TABLE_NAME,
    EVENTS_QUEUE_URL: endpoints.eventsQueueUrl,
    NOTIFICATIONS_QUEUE_URL: endpoints.notificationsQueueUrl,
    EVENTS_MAX_RECEIVE_COUNT: String(EVENTS_MAX_RECEIVE_COUNT),
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsEndpoint,
    AWS_ENDPOINT_URL_S3: endpoints.s3Endpoint,
    WEBHOOK_BUCKET: LOCAL_WEBHOOK_BUCKET,
    JWT_SECRET: LOCAL_JWT_SECRET,
    PAGE_TOKEN_SECRET: LOCAL_PAGE_TOKEN_SECRET,
    API_DOCS_ENABLED: 'true',
  };
}
