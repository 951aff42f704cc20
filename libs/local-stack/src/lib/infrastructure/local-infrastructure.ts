import {
  DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
  type LocalStackSettings,
} from '../config/local-stack-settings';
import {
  createLocalDynamoDbClient,
  createLocalSqsClient,
} from '../aws/local-aws-clients';
import type { LocalServersMode } from '../config/local-stack-settings';
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
import { LOOPBACK_HOST } from '../net/free-port';
import { probeHttpStatus } from '../net/http-probe';
import { waitUntil } from '../net/wait-until';
import { ensureEventsQueues, type EventsQueues } from '../sqs/events-queues';
import { startSqsServer, type LocalSqsServer } from '../sqs/sqs-server';

export interface LocalInfrastructureOptions {
  /** Start DynamoDB Local and the SQS server, or use the ones already on these ports. */
  servers: LocalServersMode;
  dynamoDbPort: number;
  sqsPort: number;
  /** Keeps DynamoDB Local's data in this directory across runs; in memory when undefined. Embedded only. */
  dynamoDbDataDir?: string;
  visibilityTimeoutSeconds?: number;
  /** External only: how long the servers get to answer. */
  externalServersTimeoutMs?: number;
}

/** The infrastructure that the scripts' settings (environment variables) ask for. */
export function infrastructureOptions(
  settings: LocalStackSettings,
): LocalInfrastructureOptions {
  return {
    servers: settings.servers,
    dynamoDbPort: settings.ports.dynamoDbPort,
    sqsPort: settings.ports.sqsPort,
    dynamoDbDataDir: settings.dynamoDbDataDir,
    visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds,
  };
}

export interface LocalInfrastructure {
  servers: LocalServersMode;
  /** The DynamoDB Local process started here; undefined for external servers. */
  dynamoDbLocal: DynamoDbLocal | undefined;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  tableName: string;
  tableCreation: TableCreation;
  queues: EventsQueues;
  /** The variables the apps (and tests) need to talk to this infrastructure. */
  environment: LocalRuntimeEnvironment;
  /** Stops the servers started here; external servers keep running. */
  stop(): Promise<void>;
}

/** DynamoDB and SQS servers, started here or found running. */
interface LocalServers {
  dynamoDbLocal: DynamoDbLocal | undefined;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  stop(): Promise<void>;
}

/** Containers that `docker compose up -d` just started answer within seconds. */
const DEFAULT_EXTERNAL_SERVERS_TIMEOUT_MS = 15_000;

/**
 * Starts DynamoDB Local and the SQS server (`embedded`) or waits for the ones already running
 * (`external`), then makes sure the table and the events queues exist. If a step fails, whatever
 * was started here is stopped before the error is rethrown.
 */
export async function startLocalInfrastructure({
  servers: mode,
  dynamoDbPort,
  sqsPort,
  dynamoDbDataDir,
  visibilityTimeoutSeconds = DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
  externalServersTimeoutMs = DEFAULT_EXTERNAL_SERVERS_TIMEOUT_MS,
}: LocalInfrastructureOptions): Promise<LocalInfrastructure> {
  const servers =
    mode === 'embedded'
      ? await startEmbeddedServers(dynamoDbPort, sqsPort, dynamoDbDataDir)
      : await attachToExternalServers(
          dynamoDbPort,
          sqsPort,
          externalServersTimeoutMs,
        );
  const dynamoDb = createLocalDynamoDbClient(servers.dynamoDbEndpoint);
  const sqs = createLocalSqsClient(servers.sqsEndpoint);
  try {
    const [tableCreation, queues] = await Promise.all([
      ensureTable(dynamoDb, LOCAL_TABLE_NAME),
      ensureEventsQueues(sqs, { visibilityTimeoutSeconds }),
    ]);
    return {
      servers: mode,
      dynamoDbLocal: servers.dynamoDbLocal,
      dynamoDbEndpoint: servers.dynamoDbEndpoint,
      sqsEndpoint: servers.sqsEndpoint,
      tableName: LOCAL_TABLE_NAME,
      tableCreation,
      queues,
      environment: localRuntimeEnvironment({
        dynamoDbEndpoint: servers.dynamoDbEndpoint,
        sqsEndpoint: servers.sqsEndpoint,
        eventsQueueUrl: queues.eventsQueueUrl,
        notificationsQueueUrl: queues.notificationsQueueUrl,
      }),
      stop: servers.stop,
    };
  } catch (error) {
    await servers.stop();
    throw error;
  } finally {
    dynamoDb.destroy();
    sqs.destroy();
  }
}

async function startEmbeddedServers(
  dynamoDbPort: number,
  sqsPort: number,
  dynamoDbDataDir: string | undefined,
): Promise<LocalServers> {
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
    return {
      dynamoDbLocal: dynamoDbStart.value,
      dynamoDbEndpoint: dynamoDbStart.value.endpoint,
      sqsEndpoint: sqsStart.value.endpoint,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits for servers someone else runs (e.g. `docker compose up -d`); they are never stopped here. */
async function attachToExternalServers(
  dynamoDbPort: number,
  sqsPort: number,
  timeoutMs: number,
): Promise<LocalServers> {
  const expected = [
    { endpoint: loopbackEndpoint(dynamoDbPort), portSetting: 'DYNAMODB_PORT' },
    { endpoint: loopbackEndpoint(sqsPort), portSetting: 'SQS_PORT' },
  ];
  const waits = await Promise.allSettled(
    expected.map(({ endpoint }) =>
      waitUntil(async () => (await probeHttpStatus(endpoint)) !== undefined, {
        description: endpoint,
        timeoutMs,
        intervalMs: 250,
      }),
    ),
  );
  const silent = expected.filter(
    (_, index) => waits[index].status === 'rejected',
  );
  if (silent.length > 0) {
    const where = silent
      .map(({ endpoint, portSetting }) => `${endpoint} (${portSetting})`)
      .join(' or ');
    throw new Error(
      `LOCAL_SERVERS=external, but nothing answered on ${where} within ${timeoutMs / 1000} s. ` +
        'Start the servers first (`docker compose up -d` at the repository root), ' +
        'or unset LOCAL_SERVERS to have DynamoDB Local and the SQS server started here.',
    );
  }
  const [dynamoDb, sqs] = expected;
  return {
    dynamoDbLocal: undefined,
    dynamoDbEndpoint: dynamoDb.endpoint,
    sqsEndpoint: sqs.endpoint,
    stop: async () => undefined,
  };
}

function loopbackEndpoint(port: number): string {
  return `http://${LOOPBACK_HOST}:${port}`;
}
