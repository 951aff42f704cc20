import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

// The global set-up started the infrastructure in Jest's parent process; these tests run in a
// worker and see it only through the inherited environment, as the apps' tests will.
describe('the infrastructure started by the Jest global set-up', () => {
  it('is described by the environment the apps read', () => {
    // Prepare
    const env = process.env;

    // Act
    const names = Object.keys(env);

    // Assess
    expect(names).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'EVENTS_QUEUE_URL',
        'AWS_REGION',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_ENDPOINT_URL_DYNAMODB',
        'AWS_ENDPOINT_URL_SQS',
      ]),
    );
    expect(env['TABLE_NAME']).toBe('loyalty-local');
    expect(env['AWS_ENDPOINT_URL_DYNAMODB']).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+$/,
    );
  });

  it('is reached by SDK clients configured by nothing but that environment', async () => {
    // Prepare
    const dynamoDb = new DynamoDBClient({});
    const sqs = new SQSClient({});

    // Act
    const { TableNames } = await dynamoDb.send(new ListTablesCommand({}));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: process.env['EVENTS_QUEUE_URL'],
        AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'],
      }),
    );

    // Assess
    expect(TableNames).toContain('loyalty-local');
    expect(Attributes?.VisibilityTimeout).toBe('5');
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn:
        'arn:aws:sqs:us-east-1:000000000000:loyalty-local-events-dlq',
      maxReceiveCount: 5,
    });
    dynamoDb.destroy();
    sqs.destroy();
  });
});
