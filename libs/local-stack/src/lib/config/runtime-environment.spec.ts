import { localRuntimeEnvironment } from './runtime-environment';

describe('localRuntimeEnvironment', () => {
  it('names the local table, region, credentials, endpoints and settings the apps read', () => {
    // Prepare
    const endpoints = {
      dynamoDbEndpoint: 'http://127.0.0.1:8000',
      sqsEndpoint: 'http://127.0.0.1:9324',
      s3Endpoint: 'http://127.0.0.1:4568',
      eventsQueueUrl: 'http://127.0.0.1:9324/000000000000/loyalty-local-events',
      notificationsQueueUrl: 'http://127.0.0.1:9324/000000000000/loyalty-local-notifications',
    };

    // Act
    const environment = localRuntimeEnvironment(endpoints);

    // Assess
    expect(environment).toEqual({
      TABLE_NAME: 'loyalty-local',
      EVENTS_QUEUE_URL:
        'http://127.0.0.1:9324/000000000000/loyalty-local-events',
      NOTIFICATIONS_QUEUE_URL: 'http://127.0.0.1:9324/000000000000/loyalty-local-notifications',
      EVENTS_MAX_RECEIVE_COUNT: '5',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9324',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4568',
      WEBHOOK_BUCKET: 'loyalty-local-webhooks',
      JWT_SECRET: 'local-development-only-jwt-secret-0123456789',
      PAGE_TOKEN_SECRET: 'local-development-only-page-token-secret-0123',
      API_DOCS_ENABLED: 'true',
    });
  });
});
