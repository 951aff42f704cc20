/**
 * A measured process: one instance of a handler, like one Lambda execution environment. Started
 * by the bench (container-client.ts) with its target; once it is sent the stack's environment, it
 * loads the built bundle (or the raw baseline), then runs the commands it is sent over IPC and
 * reports what they took. Its output (the
 * handlers' logs) goes to a log file, as a function's goes to CloudWatch.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { mapConcurrently } from '../concurrency';
import { createRawOrderHandler } from '../raw/raw-order-handler';
import { postRaw, type RawPostingOutcome } from '../raw/raw-posting';
import type {
  ContainerCommand,
  ContainerReply,
  ContainerRequest,
  ContainerResults,
  ContainerSetup,
  ContainerTarget,
} from './container-protocol';
import { lambdaContext } from '../../event-source/lambda-context';
import { installOperationCounter } from './operation-counter';

// Before anything loads the AWS SDK.
const operations = installOperationCounter();

type SqsHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;
type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
  callback: () => void,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface Handlers {
  sqs?: SqsHandler;
  api?: ApiHandler;
  raw?: DynamoDBDocumentClient;
}

/** As serverless.yml configures the functions. */
const TIMEOUT_MS = 30_000;
const MEMORY_MB = 1024;
const nextContext = (functionName: string) =>
  lambdaContext(functionName, Date.now() + TIMEOUT_MS, MEMORY_MB);

function loadHandlers(
  target: ContainerTarget,
  bundle: string | undefined,
): Handlers {
  if (target === 'raw') {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    });
    return { raw: client, sqs: createRawOrderHandler(client, tableName()) };
  }
  if (!bundle) {
    throw new Error(`the ${target} container needs the bundle's path`);
  }
  const loaded = require(bundle) as { handler: SqsHandler & ApiHandler };
  return target === 'processor'
    ? { sqs: loaded.handler }
    : { api: loaded.handler };
}

function tableName(): string {
  const name = process.env['TABLE_NAME'];
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

async function run(
  handlers: Handlers,
  command: ContainerCommand,
): Promise<ContainerResults[ContainerCommand['command']]> {
  operations.take(); // what happened before this command is not its own
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const measured = <T>(result: T) => {
    const cpu = process.cpuUsage(cpuBefore);
    return {
      ...result,
      elapsedMs: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      operations: operations.take(),
    };
  };
  switch (command.command) {
    case 'sqs': {
      const handle = required(handlers.sqs, 'an SQS handler');
      const responses = await mapConcurrently(
        command.batches,
        command.concurrency,
        (batch) => handle(batch, nextContext('bench-processor')),
      );
      return measured({
        records: command.batches.reduce(
          (sum, batch) => sum + batch.Records.length,
          0,
        ),
        failedRecords: responses.reduce(
          (sum, response) => sum + response.batchItemFailures.length,
          0,
        ),
      });
    }
    case 'api': {
      const handle = required(handlers.api, 'the API handler');
      const latenciesMs: number[] = [];
      const statusCodes = await mapConcurrently(
        command.events,
        command.concurrency,
        async (event, index) => {
          const sent = performance.now();
          const response = await handle(
            event,
            nextContext('bench-api'),
            () => undefined,
          );
          latenciesMs[index] = performance.now() - sent;
          return response.statusCode ?? 0;
        },
      );
      return measured({ latenciesMs, statusCodes });
    }
    case 'get-item': {
      const client = required(handlers.raw, 'a raw DynamoDB client');
      const latenciesMs: number[] = [];
      let found = true;
      for (let request = 0; request < command.requests; request += 1) {
        const sent = performance.now();
        const { Item } = await client.send(
          new GetCommand({ TableName: tableName(), Key: command.key }),
        );
        latenciesMs.push(performance.now() - sent);
        found &&= Item !== undefined;
      }
      return measured({ latenciesMs, found });
    }
    case 'postings': {
      const client = required(handlers.raw, 'a raw DynamoDB client');
      const outcomes = await Promise.all(
        command.writers.map(async (postings) => {
          const written: RawPostingOutcome[] = [];
          for (const posting of postings) {
            written.push(await postRaw(client, tableName(), posting));
          }
          return written;
        }),
      );
      return measured({ outcomes });
    }
    case 'serve-get-item':
      return {
        port: await serveGetItem(
          required(handlers.raw, 'a raw DynamoDB client'),
          command.key,
        ),
      };
  }
}

/** The raw baseline of the HTTP read path: a bare node server answering each request with one GetItem. */
function serveGetItem(
  client: DynamoDBDocumentClient,
  key: Record<string, string>,
): Promise<number> {
  const server = createServer((_, response) => {
    client
      .send(new GetCommand({ TableName: tableName(), Key: key }))
      .then(({ Item }) => {
        response.writeHead(Item ? 200 : 404, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify(Item ?? {}));
      })
      .catch((error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    ),
  );
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`this container has no ${what}`);
  }
  return value;
}

function reply(message: ContainerReply): void {
  process.send?.(message);
}

function main(): void {
  const [target, bundle] = process.argv.slice(2) as [
    ContainerTarget,
    string | undefined,
  ];
  let handlers: Handlers | undefined;
  process.on('message', (message: ContainerSetup | ContainerRequest) => {
    if ('environment' in message) {
      // The bundles read their settings when their app is created; the SDK, when a client is.
      Object.assign(process.env, message.environment);
      handlers = loadHandlers(target, bundle);
      reply({ ready: true });
      return;
    }
    run(required(handlers, 'handler loaded yet'), message).then(
      (result) => reply({ id: message.id, ok: true, result }),
      (error: Error) =>
        reply({
          id: message.id,
          ok: false,
          error: error.stack ?? error.message,
        }),
    );
  });
  // The bench is gone: nothing left to measure for.
  process.on('disconnect', () => process.exit(0));
}

main();
