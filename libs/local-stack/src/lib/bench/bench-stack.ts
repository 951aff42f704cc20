import { readLocalStackSettings } from '../config/local-stack-settings';
import type { LocalRuntimeEnvironment } from '../config/runtime-environment';
import { LOOPBACK_HOST } from '../net/free-port';
import { probeHttpStatus } from '../net/http-probe';
import { startE2eLocalStack } from '../../testing/e2e-local-stack';
import { runningStackEnvironment } from '../../testing/running-stack-environment';

export interface BenchStack {
  /** serverless-offline's HTTP API. */
  apiUrl: string;
  environment: LocalRuntimeEnvironment;
  /** Where the stack's output goes, when the bench started it. */
  logFile?: string;
  /** Stops the stack if the bench started it; a running one is left alone. */
  stop(): Promise<void>;
}

/**
 * The local stack the bench measures against: `npm start` (bundles as built, free ports, output
 * to a log file), or with `useRunning` the one already running on the configured ports.
 */
export async function startBenchStack(
  useRunning: boolean,
): Promise<BenchStack> {
  if (!useRunning) {
    const stack = await startE2eLocalStack({ build: false, logName: 'bench' });
    return {
      apiUrl: stack.apiUrl,
      environment: stack.environment,
      logFile: stack.logFile,
      stop: stack.stop,
    };
  }
  const { ports } = readLocalStackSettings();
  const apiUrl = `http://${LOOPBACK_HOST}:${ports.apiPort}`;
  const health = await probeHttpStatus(`${apiUrl}/health`, 15_000);
  if (health !== 200) {
    throw new Error(
      `--use-running: GET ${apiUrl}/health answered ${health ?? 'nothing'}. ` +
        'Start the stack first (npm start, same API_PORT, DYNAMODB_PORT, SQS_PORT and S3_PORT), or leave out --use-running.',
    );
  }
  const { environment } = await runningStackEnvironment(ports);
  return { apiUrl, environment, stop: async () => undefined };
}
