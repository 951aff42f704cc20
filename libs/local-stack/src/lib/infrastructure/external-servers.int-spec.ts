import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  GetQueueAttributesCommand,
  ListQueuesCommand,
} from '@aws-sdk/client-sqs';
import {
  createLocalDynamoDbClient,
  createLocalSqsClient,
} from '../aws/local-aws-clients';
import {
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../dynamodb/dynamodb-local';
import { findFreePorts } from '../net/free-port';
import { startSqsServer, type LocalSqsServer } from '../sqs/sqs-server';
import { startLocalInfrastructure } from './local-infrastructure';

async function listTables(endpoint: string): Promise<string[]> {
  const dynamoDb = createLocalDynamoDbClient(endpoint);
  try {
    return (await dynamoDb.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    dynamoDb.destroy();
  }
}

async function queueAttributes(
  endpoint: string,
  queueUrl: string,
): Promise<Record<string, string>> {
  const sqs = createLocalSqsClient(endpoint);
  try {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['All'],
      }),
    );
    return Attributes ?? {};
  } finally {
    sqs.destroy();
  }
}

async function listQueues(endpoint: string): Promise<string[]> {
  const sqs = createLocalSqsClient(endpoint);
  try {
    return (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  } finally {
    sqs.destroy();
  }
}

// "External" servers are simulated with the embedded ones, started here as Docker would start its
// containers: bare servers, without the table or the queues.
describe('startLocalInfrastructure with LOCAL_SERVERS=external', () => {
  let dynamoDbPort: number;
  let sqsPort: number;
  let externalDynamoDb: DynamoDbLocal;
  let externalSqs: LocalSqsServer;

  beforeEach(async () => {
    [dynamoDbPort, sqsPort] = await findFreePorts(2);
    [externalDynamoDb, externalSqs] = await Promise.all([
      startDynamoDbLocal({ port: dynamoDbPort }),
      startSqsServer({ port: sqsPort }),
    ]);
  });

  afterEach(async () => {
    await Promise.all([externalDynamoDb.stop(), externalSqs.stop()]);
  });

  it('creates the table and the queues on servers already running', async () => {
    // Prepare
    const options = {
      servers: 'external',
      dynamoDbPort,
      sqsPort,
      s3Port: 0,
      visibilityTimeoutSeconds: 3,
    } as const;

    // Act
    const infrastructure = await startLocalInfrastructure(options);

    // Assess
    await infrastructure.stop();
    expect(infrastructure).toMatchObject({
      servers: 'external',
      dynamoDbLocal: undefined,
      dynamoDbEndpoint: externalDynamoDb.endpoint,
      sqsEndpoint: externalSqs.endpoint,
      tableCreation: 'created',
    });
    expect(infrastructure.queues.eventsQueueUrl).toBe(
      `http://127.0.0.1:${sqsPort}/000000000000/loyalty-local-events`,
    );
    const attributes = await queueAttributes(
      externalSqs.endpoint,
      infrastructure.queues.eventsQueueUrl,
    );
    expect(attributes['VisibilityTimeout']).toBe('3');
    expect(JSON.parse(attributes['RedrivePolicy'] ?? '{}')).toEqual({
      deadLetterTargetArn:
        'arn:aws:sqs:us-east-1:000000000000:loyalty-local-events-dlq',
      maxReceiveCount: 5,
    });
    expect(infrastructure.environment).toMatchObject({
      TABLE_NAME: 'loyalty-local',
      EVENTS_QUEUE_URL: infrastructure.queues.eventsQueueUrl,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamoDbPort}`,
      AWS_ENDPOINT_URL_SQS: `http://127.0.0.1:${sqsPort}`,
    });
  });

  it('leaves the external servers, their table and queues running when it stops', async () => {
    // Prepare
    const infrastructure = await startLocalInfrastructure({
      servers: 'external',
      dynamoDbPort,
      sqsPort,
      s3Port: 0,
    });

    // Act
    await infrastructure.stop();

    // Assess
    expect(await listTables(externalDynamoDb.endpoint)).toEqual([
      'loyalty-local',
    ]);
    expect(await listQueues(externalSqs.endpoint)).toEqual(
      expect.arrayContaining([
        infrastructure.queues.eventsQueueUrl,
        infrastructure.queues.deadLetterQueueUrl,
      ]),
    );
  });

  it('finds what a previous run created and keeps it', async () => {
    // Prepare
    const options = { servers: 'external', dynamoDbPort, sqsPort, s3Port: 0 } as const;
    const first = await startLocalInfrastructure(options);
    await first.stop();

    // Act
    const second = await startLocalInfrastructure(options);

    // Assess
    await second.stop();
    expect(second.tableCreation).toBe('already-existed');
    expect(second.queues).toEqual(first.queues);
  });
});

describe('startLocalInfrastructure with LOCAL_SERVERS=external and nothing running', () => {
  it('names the ports it tried and how to start the servers', async () => {
    // Prepare
    const [dynamoDbPort, sqsPort] = await findFreePorts(2);

    // Act
    const starting = startLocalInfrastructure({
      servers: 'external',
      dynamoDbPort,
      sqsPort,
      s3Port: 0,
      externalServersTimeoutMs: 500,
    });

    // Assess
    await expect(starting).rejects.toThrow(
      `LOCAL_SERVERS=external, but nothing answered on http://127.0.0.1:${dynamoDbPort} (DYNAMODB_PORT) ` +
        `or http://127.0.0.1:${sqsPort} (SQS_PORT) within 0.5 s. ` +
        'Start the servers first (`docker compose up -d` at the repository root)',
    );
  });
});
