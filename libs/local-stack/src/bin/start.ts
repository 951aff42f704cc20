/**
 * `npm start`: the whole product on this machine. DynamoDB Local, an SQS server, the table and
 * queues, both apps under serverless-offline, and an SQS event source feeding the processor.
 * LOCAL_SERVERS=external uses DynamoDB and SQS servers already running (e.g. `docker compose up -d`).
 * Option --skip-build uses the bundles already in dist/. Ports etc.: see the library README.
 * Option --exit-with-parent is for programs that start it (tests): see lib/config/script-contract.ts.
 */
import { parseArgs } from 'node:util';
import { createLocalSqsClient } from '../lib/aws/local-aws-clients';
import {
  DEFAULT_PORTS,
  readLocalStackSettings,
} from '../lib/config/local-stack-settings';
import { LOCAL_PROCESSOR_FUNCTION_NAME } from '../lib/config/naming';
import {
  EXIT_WITH_PARENT_FLAG,
  LOCAL_STACK_READY_LINE,
} from '../lib/config/script-contract';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { serverlessOfflineFunction } from '../lib/event-source/invoke-function';
import { startSqsEventSource } from '../lib/event-source/sqs-event-source';
import { assertPortFree } from '../lib/net/free-port';
import {
  describeEnvironment,
  describeInfrastructure,
} from '../lib/infrastructure/describe-infrastructure';
import {
  infrastructureOptions,
  startLocalInfrastructure,
} from '../lib/infrastructure/local-infrastructure';
import { superviseInfrastructure } from '../lib/infrastructure/supervise-infrastructure';
import { createShutdown } from '../lib/process/shutdown';
import { buildLambdaApps } from '../lib/serverless/build-apps';
import { startServerlessOffline } from '../lib/serverless/serverless-offline';

const shutdown = createShutdown();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      [EXIT_WITH_PARENT_FLAG]: { type: 'boolean', default: false },
    },
  });
  if (values[EXIT_WITH_PARENT_FLAG]) {
    shutdown.exitWhenStdinCloses();
  }
  const settings = readLocalStackSettings();
  const { ports } = settings;
  const workspaceRoot = findWorkspaceRoot();
  // Checked before the build, and so that the health probe cannot find another program's API.
  await assertPortFree(ports.apiPort, 'API_PORT');
  await assertPortFree(ports.lambdaPort, 'LAMBDA_PORT');

  const infrastructureStart = startLocalInfrastructure(
    infrastructureOptions(settings),
  ).then((infrastructure) => {
    superviseInfrastructure(shutdown, infrastructure);
    return infrastructure;
  });
  // The build and the servers' start-up are independent; running both at once saves seconds.
  const [infrastructure] = await Promise.all([
    infrastructureStart,
    values['skip-build'] ? undefined : buildLambdaApps(workspaceRoot),
  ]);

  const offline = await startServerlessOffline({
    workspaceRoot,
    apiPort: ports.apiPort,
    lambdaPort: ports.lambdaPort,
    environment: infrastructure.environment,
  });
  shutdown.add('serverless offline', offline.stop);
  shutdown.watch('serverless offline', offline.exited);

  const eventSource = startSqsEventSource({
    sqs: createLocalSqsClient(infrastructure.sqsEndpoint),
    queueUrl: infrastructure.queues.eventsQueueUrl,
    queueArn: infrastructure.queues.eventsQueueArn,
    target: serverlessOfflineFunction({
      lambdaEndpoint: offline.lambdaEndpoint,
      functionName: LOCAL_PROCESSOR_FUNCTION_NAME,
    }),
  });
  shutdown.add('the SQS event source', eventSource.stop);

  const sqsPortPrefix =
    ports.sqsPort === DEFAULT_PORTS.sqsPort ? '' : `SQS_PORT=${ports.sqsPort} `;
  console.log(
    [
      '',
      'The local stack is running (stage local):',
      `  API               ${offline.apiUrl}  (try: curl ${offline.apiUrl}/health)`,
      `  Lambda invoke     ${offline.lambdaEndpoint}`,
      ...describeInfrastructure(infrastructure, settings.dynamoDbDataDir),
      `  ${LOCAL_PROCESSOR_FUNCTION_NAME} receives the events queue's messages.`,
      '',
      'Send a test order.completed event:',
      `  ${sqsPortPrefix}npm run send:order -- --tenant demo --user user_123 --order order_1 --amount 150.00 --currency USD`,
      '',
      'Environment to reach these servers from other tools:',
      ...describeEnvironment(infrastructure.environment),
      '',
      'Ctrl-C stops everything started here.',
      LOCAL_STACK_READY_LINE,
    ].join('\n'),
  );
}

main().catch(async (error: Error) => {
  console.error(`\nThe local stack could not start: ${error.message}`);
  await shutdown.exit(1);
});
