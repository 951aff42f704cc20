import {
  DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
  type LocalStackSettings,
} from '../config/local-stack-settings';
import {
  createLocalDynamoDbClient,
  createLocalSqsClient,
} from '../aws/local-aws-clients';
import type { LocalServersMode } from '../config/local-stack-settings';
import { LOCAL_TABLE_NAME, LOCAL_WEBHOOK_BUCKET } from '../config/naming';
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
import { startS3Server, type LocalS3Server } from '../s3/s3-server';
import { ensureEventsQueues, type EventsQueues } from '../sqs/events-queues';
import { startSqsServer, type LocalSqsServer } from '../sqs/sqs-server';

export interface LocalInfrastructureOptions {
  /** Start DynamoDB Local and the SQS server, or use the ones already on these ports. */
  servers: LocalServersMode;
  dynamoDbPort: number;
  sqsPort: number;
  /** s3rver's port: it runs in this process in both modes (docker compose has no S3 server). */
  s3Port: number;
  /** Keeps DynamoDB Local's data in this directory across runs; in memory when undefined. Embedded only. */
  dynamoDbDataDir?: string;
  /** Keeps s3rver's objects in this directory across runs; a temporary one when undefined. */
  s3DataDir?: string;
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
    s3Port: settings.ports.s3Port,
    dynamoDbDataDir: settings.dynamoDbDataDir,
    s3DataDir: settings.s3DataDir,
    visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds,
  };
}

export interface LocalInfrastructure {
  servers: LocalServersMode;
  /** The DynamoDB Local process started here; undefined for external servers. */
  dynamoDbLocal: DynamoDbLocal | undefined;
  dynamoDbEndpoint: string;
  sqsEndpoint: string;
  /** s3rver, holding the webhook raw log's bucket. */
  s3Endpoint: string;
  webhookBucket: string;
  tableName: string;
  tableCreation: TableCreation;
  queues: EventsQueues;
  /** The variables the apps (and tests) need to talk to this infrastructure. */
  environment: LocalRuntimeEnvironment;
  /** Stops the servers started here (s3rver always); external servers keep running. */
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
 * (`external`), starts s3rver with the webhook bucket, then makes sure the table and the events
 * queues exist. If a step fails, whatever was started here is stopped before the error is rethrown.
 */
export async function startLocalInfrastructure({
  servers: mode,
  dynamoDbPort,
  sqsPort,
  s3Port,
  dynamoDbDataDir,
  s3DataDir,
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
  let s3: LocalS3Server;
  try {
    s3 = await startS3Server({ port: s3Port, buckets: [LOCAL_WEBHOOK_BUCKET], dataDir: s3DataDir });
  } catch (error) {
    await servers.stop();
    throw error;
  }
  const stop = async () => {
    await Promise.all([servers.stop(), s3.stop()]);
  };
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
      s3Endpoint: s3.endpoint,
      webhookBucket: LOCAL_WEBHOOK_BUCKET,
      tableName: LOCAL_TABLE_NAME,
      tableCreation,
      queues,
      environment: localRuntimeEnvironment({
        dynamoDbEndpoint: servers.dynamoDbEndpoint,
        sqsEndpoint: servers.sqsEndpoint,
        s3Endpoint: s3.endpoint,
        eventsQueueUrl: queues.eventsQueueUrl,
        notificationsQueueUrl: queues.notificationsQueueUrl,
      }),
      stop,
    };
  } catch (error) {
    await stop();
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
