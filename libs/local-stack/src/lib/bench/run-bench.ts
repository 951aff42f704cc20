import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@loyalty/domain';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createLocalDynamoDbClient } from '../aws/local-aws-clients';
import type { Shutdown } from '../process/shutdown';
import { buildLambdaApps } from '../serverless/build-apps';
import {
  ContainerPool,
  type BenchContext,
  type LambdaBundles,
  type ScenarioResult,
} from './bench-context';
import type { BenchOptions, ScenarioName } from './bench-options';
import { benchParameters, containersFor } from './bench-parameters';
import type { BenchReport } from './bench-report';
import { startBenchStack } from './bench-stack';
import { describeMachine } from './machine';
import { formatTable, type TableRow } from './results-table';
import { runColdStartScenario } from './scenarios/cold-start-scenario';
import { runHotAccountScenario } from './scenarios/hot-account-scenario';
import { runHttpReadScenario } from './scenarios/http-read-scenario';
import { runIngestScenario } from './scenarios/ingest-scenario';
import { runReadScenario } from './scenarios/read-scenario';

const SCENARIO_RUNNERS: Record<
  ScenarioName,
  (context: BenchContext) => Promise<ScenarioResult>
> = {
  ingest: runIngestScenario,
  read: runReadScenario,
  http: runHttpReadScenario,
  'cold-start': runColdStartScenario,
  'hot-account': runHotAccountScenario,
};

/** The bundles serverless.yml deploys, built first when asked; their absence is an error that says what to do. */
export async function prepareBundles(
  workspaceRoot: string,
  build: boolean,
): Promise<LambdaBundles> {
  if (build) await buildLambdaApps(workspaceRoot);
  const bundles = {
    api: join(workspaceRoot, 'dist/apps/loyalty-api/main.js'),
    processor: join(workspaceRoot, 'dist/apps/loyalty-event-processor/main.js'),
  };
  const missing = Object.values(bundles).filter(
    (bundle) => !existsSync(bundle),
  );
  if (missing.length > 0) {
    throw new Error(
      `The bench measures the built bundles, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing. ` +
        'Build them with `npm run bench -- --build` (or `npm run build`).',
    );
  }
  return bundles;
}

/**
 * Runs the chosen scenarios against a local stack, prints progress, the table at the end, and
 * writes the report. Everything it starts is registered with `shutdown`, so Ctrl-C or a failure
 * stops it all. Returns the report; `passed` is false when a scenario failed or proved a loss.
 */
export async function runBench(
  options: BenchOptions,
  workspaceRoot: string,
  shutdown: Shutdown,
): Promise<BenchReport> {
  const startedAt = new Date();
  const started = Date.now();
  const progress = (line: string) =>
    console.log(
      `[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`,
    );
  const machine = describeMachine();
  const parameters = benchParameters(options.quick);
  progress(
    `${options.quick ? 'quick' : 'full'} run: ${options.scenarios.join(', ')} on ${machine.cpus} × ${machine.cpuModel}, node ${machine.nodeVersion}`,
  );

  const bundles = await prepareBundles(workspaceRoot, options.build);
  const runId = `${startedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  const workDir = join(workspaceRoot, 'tmp', 'bench', runId);
  mkdirSync(workDir, { recursive: true });
  // The measured processes start while the stack does, and load their handlers once it is there.
  let stackEnvironment: (
    environment: Promise<Record<string, string>>,
  ) => void = () => undefined;
  const containers = new ContainerPool(
    bundles,
    new Promise((resolve) => (stackEnvironment = resolve)),
    workDir,
  );
  shutdown.add('the measured processes', () => containers.stopAll());
  containers.prestart(containersFor(options.scenarios, parameters));

  progress(
    options.useRunning
      ? 'using the running local stack'
      : 'starting the local stack (npm start, bundles as built)',
  );
  const stackStart = startBenchStack(options.useRunning);
  stackEnvironment(stackStart.then((started) => started.environment));
  const stack = await stackStart;
  shutdown.add('the local stack', stack.stop);
  // Stopped first on Ctrl-C: the scenarios then fail one after the other, and that is no result.
  let interrupted = false;
  shutdown.add('the run', async () => {
    interrupted = true;
  });
  progress(
    `stack ready: API ${stack.apiUrl}, DynamoDB ${stack.environment.AWS_ENDPOINT_URL_DYNAMODB}${stack.logFile ? ` (log: ${stack.logFile})` : ''}`,
  );
  await containers.settled();
  progress('measured processes loaded');

  const client: DynamoDBDocumentClient = createDocumentClient(
    createLocalDynamoDbClient(stack.environment.AWS_ENDPOINT_URL_DYNAMODB),
  );
  const context: BenchContext = {
    workspaceRoot,
    parameters,
    stack,
    bundles,
    runId,
    workDir,
    table: { client, tableName: stack.environment.TABLE_NAME },
    containers,
    progress,
  };

  const table: TableRow[] = [];
  const scenarios: BenchReport['scenarios'] = {};
  const failures: string[] = [];
  for (const name of options.scenarios) {
    progress(`${name}: starting`);
    try {
      const result = await SCENARIO_RUNNERS[name](context);
      table.push(...result.rows);
      scenarios[name] = result.details;
      failures.push(...result.failures);
      progress(
        `${name}: done${result.failures.length > 0 ? ` with ${result.failures.length} failure(s)` : ''}`,
      );
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      scenarios[name] = { error: message };
      failures.push(`${name}: ${(error as Error).message}`);
      progress(`${name}: FAILED: ${(error as Error).message}`);
    }
  }
  await containers.stopAll();
  client.destroy();

  const report: BenchReport = {
    format: 1,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    quick: options.quick,
    machine,
    stack: options.useRunning ? 'running' : 'started',
    parameters,
    table,
    scenarios,
    failures,
    passed: failures.length === 0,
  };
  if (interrupted) {
    progress('interrupted: no results written');
    return report;
  }
  const out = resolve(workspaceRoot, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n${formatTable(table)}\n`);
  for (const failure of failures) console.log(`FAILED ${failure}`);
  console.log(
    `Results written to ${out} (${report.durationSeconds} s; logs of the measured processes in ${workDir})`,
  );
  return report;
}
