import {
  createLocalDynamoDbClient,
  createLocalSqsClient,
} from '../aws/local-aws-clients';
import { LOCAL_TABLE_NAME } from '../config/naming';
import {
  localRuntimeEnvironment,
  type LocalRuntimeEnvironment,
} from '../config/runtime-environment';
import {
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../dynamodb/dynamodb-local';
import { ensureTable, type TableCreation } from '../dynamodb/ensure-table';
import { createEventsQueues, type EventsQueues } from '../sqs/events-queues';
import { startSqsServer, type LocalSqsServer } from '../sqs/sqs-server';

export interface LocalInfrastructureOptions {
  dynamoDbPort: number;
  sqsPort: number;
  /** Keeps DynamoDB data in this directory across runs; in memory when undefined. */
  dynamoDbDataDir?: string;
  visibilityTimeoutSeconds?: number;
}

export interface LocalInfrastructure {
  dynamoDbLocal: DynamoDbLocal;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  tableName: string;
  tableCreation: TableCreation;
  queues: EventsQueues;
  /** The variables the apps (and tests) need to talk to this infrastructure. */
  environment: LocalRuntimeEnvironment;
  stop(): Promise<void>;
}

const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 5;

/**
 * Starts DynamoDB Local and the SQS server, then creates the table and the events queues. If any
 * step fails, whatever was started is stopped before the error is rethrown.
 */
export async function startLocalInfrastructure({
  dynamoDbPort,
  sqsPort,
  dynamoDbDataDir,
  visibilityTimeoutSeconds = DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
}: LocalInfrastructureOptions): Promise<LocalInfrastructure> {
  const [dynamoDbStart, sqsStart] = await Promise.allSettled([
    startDynamoDbLocal({ port: dynamoDbPort, dataDir: dynamoDbDataDir }),
    startSqsServer({ port: sqsPort }),
  ]);
  const started: Array<DynamoDbLocal | LocalSqsServer> = [
    dynamoDbStart,
    sqsStart,
  ]
    .filter((result) => result.status === 'fulfilled')
    .map((result) => result.value);
  const stop = async () => {
    await Promise.all(started.map((server) => server.stop()));
  };

  try {
    if (dynamoDbStart.status === 'rejected') {
      throw dynamoDbStart.reason;
    }
    if (sqsStart.status === 'rejected') {
      throw sqsStart.reason;
    }
    const dynamoDbLocal = dynamoDbStart.value;
    const sqsServer = sqsStart.value;
    const dynamoDb = createLocalDynamoDbClient(dynamoDbLocal.endpoint);
    const sqs = createLocalSqsClient(sqsServer.endpoint);
    try {
      const [tableCreation, queues] = await Promise.all([
        ensureTable(dynamoDb, LOCAL_TABLE_NAME),
        createEventsQueues(sqs, { visibilityTimeoutSeconds }),
      ]);
      return {
        dynamoDbLocal,
        dynamoDbEndpoint: dynamoDbLocal.endpoint,
        sqsEndpoint: sqsServer.endpoint,
        tableName: LOCAL_TABLE_NAME,
        tableCreation,
        queues,
        environment: localRuntimeEnvironment({
          dynamoDbEndpoint: dynamoDbLocal.endpoint,
          sqsEndpoint: sqsServer.endpoint,
          eventsQueueUrl: queues.eventsQueueUrl,
        }),
        stop,
      };
    } finally {
      dynamoDb.destroy();
      sqs.destroy();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
