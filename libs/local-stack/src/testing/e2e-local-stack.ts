import { join } from 'node:path';
import type { LocalRuntimeEnvironment } from '../lib/config/runtime-environment';
import { LOCAL_STACK_READY_LINE } from '../lib/config/script-contract';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { findFreePorts, LOOPBACK_HOST } from '../lib/net/free-port';
import { startScriptUntilReady } from '../lib/process/script-until-ready';
import type { EventsQueueUrls } from '../lib/sqs/find-events-queues';
import { runningStackEnvironment } from './running-stack-environment';

export interface E2eLocalStackOptions {
  /**
   * Build the apps first (default). Parallel suites should build once beforehand and pass false:
   * concurrent builds would write the same dist/ folders.
   */
  build?: boolean;
  /** Including the build when there is one. */
  readyTimeoutMs?: number;
  /** Extra variables for the stack and the functions serverless-offline runs. */
  env?: Record<string, string>;
  /** Names the log file: tmp/local-stack/<logName>-<time>-<pid>.log. */
  logName?: string;
}

export interface E2eLocalStack {
  /** serverless-offline's HTTP API, e.g. http://127.0.0.1:41234. */
  apiUrl: string;
  /** serverless-offline's Lambda invoke endpoint, to run a function (e.g. the scheduled jobs) directly. */
  lambdaEndpoint: string;
  queues: EventsQueueUrls;
  /** The variables that point SDK clients (and the apps) at this stack's servers. */
  environment: LocalRuntimeEnvironment;
  /** Everything `npm start` printed, for debugging a failed test. */
  logFile: string;
  /** Stops the stack: serverless-offline, the event source, DynamoDB Local, the SQS and S3 servers. */
  stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 240_000;

/**
 * Starts the real `npm start` entry on free ports, as a detached child, and resolves once it is
 * ready: for end-to-end tests through the HTTP API and the events queue. Always call stop().
 */
export async function startE2eLocalStack({
  build = true,
  readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
  env = {},
  logName = 'e2e',
}: E2eLocalStackOptions = {}): Promise<E2eLocalStack> {
  const workspaceRoot = findWorkspaceRoot();
  const [apiPort, lambdaPort, dynamoDbPort, sqsPort, s3Port] = await findFreePorts(5);
  const stack = await startScriptUntilReady({
    workspaceRoot,
    script: 'libs/local-stack/src/bin/start.ts',
    args: build ? [] : ['--skip-build'],
    env: {
      ...process.env,
      ...env,
      API_PORT: String(apiPort),
      LAMBDA_PORT: String(lambdaPort),
      DYNAMODB_PORT: String(dynamoDbPort),
      SQS_PORT: String(sqsPort),
      S3_PORT: String(s3Port),
      LOCAL_SERVERS: 'embedded',
      LOCAL_PERSIST: 'false',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    },
    readyLine: LOCAL_STACK_READY_LINE,
    timeoutMs: readyTimeoutMs,
    logFile: join(
      workspaceRoot,
      'tmp',
      'local-stack',
      `${logName}-${Date.now()}-${process.pid}.log`,
    ),
  });
  try {
    const { queues, environment } = await runningStackEnvironment({
      dynamoDbPort,
      sqsPort,
      s3Port,
    });
    return {
      apiUrl: `http://${LOOPBACK_HOST}:${apiPort}`,
      lambdaEndpoint: `http://${LOOPBACK_HOST}:${lambdaPort}`,
      queues,
      environment,
      logFile: stack.logFile,
      stop: stack.stop,
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
