import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_STAGE } from '../config/naming';
import { LOOPBACK_HOST } from '../net/free-port';
import { probeHttpStatus } from '../net/http-probe';
import {
  stopWhenThisProcessExits,
  stopChildProcess,
  waitForExit,
  type ProcessExit,
} from '../process/child-process';
import { waitUntilServing } from '../process/wait-until-serving';

export interface ServerlessOfflineOptions {
  workspaceRoot: string;
  apiPort: number;
  lambdaPort: number;
  /** Added to this process's environment for serverless and the functions it runs. */
  environment: Record<string, string>;
  /** How long the API gets to answer its health check. */
  readyTimeoutMs?: number;
}

export interface ServerlessOffline {
  apiUrl: string;
  /** Lambda's Invoke API, as emulated by serverless-offline. */
  lambdaEndpoint: string;
  pid: number;
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const HEALTH_PATH = '/health';
const DEFAULT_READY_TIMEOUT_MS = 60_000;
const HEALTH_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Runs `serverless offline start` for the local stage on 127.0.0.1 and resolves once the API's
 * health check answers 2xx. Its output goes to this terminal.
 */
export async function startServerlessOffline({
  workspaceRoot,
  apiPort,
  lambdaPort,
  environment,
  readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
}: ServerlessOfflineOptions): Promise<ServerlessOffline> {
  const child = spawn(
    join(workspaceRoot, 'node_modules', '.bin', 'serverless'),
    [
      'offline',
      'start',
      '--stage',
      LOCAL_STAGE,
      '--host',
      LOOPBACK_HOST,
      '--httpPort',
      String(apiPort),
      '--lambdaPort',
      String(lambdaPort),
    ],
    {
      cwd: workspaceRoot,
      env: { ...process.env, ...environment },
      // Own process group, so that stopping it also stops whatever serverless started.
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  stopWhenThisProcessExits(child, true);

  const apiUrl = `http://${LOOPBACK_HOST}:${apiPort}`;
  await waitUntilServing(child, {
    name: 'serverless offline',
    description: `GET ${apiUrl}${HEALTH_PATH} to answer 2xx (are the apps built? run without --skip-build)`,
    // Generous: the first request cold-starts the function, and a cut request would only make
    // serverless-offline start a second instance.
    isServing: async () => {
      const status = await probeHttpStatus(
        `${apiUrl}${HEALTH_PATH}`,
        HEALTH_REQUEST_TIMEOUT_MS,
      );
      return status !== undefined && status >= 200 && status < 300;
    },
    timeoutMs: readyTimeoutMs,
    intervalMs: 500,
    exitDetail: () => ' (see its output above)',
  });

  return {
    apiUrl,
    lambdaEndpoint: `http://${LOOPBACK_HOST}:${lambdaPort}`,
    pid: child.pid as number,
    exited: waitForExit(child),
    stop: () => stopChildProcess(child, { wholeGroup: true }),
  };
}
