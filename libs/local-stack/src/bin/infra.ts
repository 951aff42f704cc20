/**
 * `npm run infra`: only DynamoDB Local, the SQS server, the table and the queues, for running the
 * apps some other way (Nest dev server, debugger, tests). Ctrl-C stops everything started here.
 * With LOCAL_SERVERS=external it starts no server: it makes sure the table and queues exist on
 * the running ones (e.g. `docker compose up -d`) and prints their environment.
 * Option --exit-with-parent is for programs that start it (tests): see lib/config/script-contract.ts.
 */
import { parseArgs } from 'node:util';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import {
  EXIT_WITH_PARENT_FLAG,
  LOCAL_INFRASTRUCTURE_READY_LINE,
} from '../lib/config/script-contract';
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

const shutdown = createShutdown();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { [EXIT_WITH_PARENT_FLAG]: { type: 'boolean', default: false } },
  });
  if (values[EXIT_WITH_PARENT_FLAG]) {
    shutdown.exitWhenStdinCloses();
  }
  const settings = readLocalStackSettings();
  const infrastructure = await startLocalInfrastructure(
    infrastructureOptions(settings),
  );
  superviseInfrastructure(shutdown, infrastructure);

  console.log(
    [
      '',
      'Local infrastructure is running:',
      ...describeInfrastructure(infrastructure, settings.dynamoDbDataDir),
      '',
      'Environment for the apps:',
      ...describeEnvironment(infrastructure.environment),
      '',
      'Ctrl-C stops everything started here.',
      LOCAL_INFRASTRUCTURE_READY_LINE,
    ].join('\n'),
  );
}

main().catch(async (error: Error) => {
  console.error(`\nThe local infrastructure could not start: ${error.message}`);
  await shutdown.exit(1);
});
