import { join } from 'node:path';
import { LOCAL_INFRASTRUCTURE_READY_LINE } from '../lib/config/script-contract';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { findFreePorts } from '../lib/net/free-port';
import { startScriptUntilReady } from '../lib/process/script-until-ready';
import { runningStackEnvironment } from './running-stack-environment';
import { setRunningInfrastructure } from './running-infrastructure';

const START_TIMEOUT_MS = 60_000;

/**
 * Jest globalSetup for integration tests: runs `npm run infra` (DynamoDB Local, the SQS server,
 * s3rver, the table, queues and bucket) on free ports, so parallel runs never collide, and puts the apps'
 * variables (TABLE_NAME, EVENTS_QUEUE_URL, AWS_ENDPOINT_URL_*, ...) in process.env. Jest starts
 * its test workers after this, so they inherit them.
 *
 * The servers run in a child process started with tsx rather than in Jest's own process: Jest
 * loads global set-up code with Node's resolver, which does not know the tsconfig path aliases.
 */
export default async function globalSetup(): Promise<void> {
  const workspaceRoot = findWorkspaceRoot();
  const [dynamoDbPort, sqsPort, s3Port] = await findFreePorts(3);
  const infrastructure = await startScriptUntilReady({
    workspaceRoot,
    script: 'libs/local-stack/src/bin/infra.ts',
    env: {
      ...process.env,
      DYNAMODB_PORT: String(dynamoDbPort),
      SQS_PORT: String(sqsPort),
      S3_PORT: String(s3Port),
      // Servers of its own on free ports, whatever the developer's shell says.
      LOCAL_SERVERS: 'embedded',
      LOCAL_PERSIST: 'false',
    },
    readyLine: LOCAL_INFRASTRUCTURE_READY_LINE,
    timeoutMs: START_TIMEOUT_MS,
    logFile: join(
      workspaceRoot,
      'tmp',
      'local-stack',
      `integration-${process.pid}.log`,
    ),
  });
  try {
    const { environment } = await runningStackEnvironment({
      dynamoDbPort,
      sqsPort,
      s3Port,
    });
    Object.assign(process.env, environment);
  } catch (error) {
    await infrastructure.stop(); // Jest skips the teardown when the set-up fails
    throw error;
  }
  setRunningInfrastructure(infrastructure);
}
