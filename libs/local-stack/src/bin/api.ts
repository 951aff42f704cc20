/**
 * `npm run api`: the API alone, as a plain Nest HTTP server on API_PORT (no serverless-offline, no
 * event processor), against DynamoDB Local and the SQS server (started here, or already running with
 * LOCAL_SERVERS=external). Quick to restart and to debug.
 * Option --skip-build serves the bundle already in dist/.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { describeInfrastructure } from '../lib/infrastructure/describe-infrastructure';
import {
  infrastructureOptions,
  startLocalInfrastructure,
} from '../lib/infrastructure/local-infrastructure';
import { superviseInfrastructure } from '../lib/infrastructure/supervise-infrastructure';
import { assertPortFree, LOOPBACK_HOST } from '../lib/net/free-port';
import { createShutdown } from '../lib/process/shutdown';
import { buildLambdaApps } from '../lib/serverless/build-apps';

const shutdown = createShutdown();

interface ApiBundle {
  listen(port: number, host: string): Promise<{ close(): Promise<void> }>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'skip-build': { type: 'boolean', default: false } },
  });
  const settings = readLocalStackSettings();
  const workspaceRoot = findWorkspaceRoot();
  await assertPortFree(settings.ports.apiPort, 'API_PORT');

  const [infrastructure] = await Promise.all([
    startLocalInfrastructure(infrastructureOptions(settings)),
    values['skip-build']
      ? undefined
      : buildLambdaApps(workspaceRoot, ['loyalty-api']),
  ]);
  superviseInfrastructure(shutdown, infrastructure);

  // The bundle reads its settings when its Nest app is created, so they go in first.
  Object.assign(process.env, infrastructure.environment);
  const bundle = require(
    join(workspaceRoot, 'dist/apps/loyalty-api/main.js'),
  ) as ApiBundle;
  const app = await bundle.listen(settings.ports.apiPort, LOOPBACK_HOST);
  shutdown.add('the API', () => app.close());

  const apiUrl = `http://${LOOPBACK_HOST}:${settings.ports.apiPort}`;
  console.log(
    [
      '',
      'The API is running alone (no event processor):',
      `  API               ${apiUrl}  (try: curl ${apiUrl}/health/ready)`,
      ...describeInfrastructure(infrastructure, settings.dynamoDbDataDir),
      '',
      'A token for it: npm run token -- --role owner --tenant demo',
      'Ctrl-C stops everything started here.',
    ].join('\n'),
  );
}

main().catch(async (error: Error) => {
  console.error(`\nThe API could not start: ${error.message}`);
  await shutdown.exit(1);
});
