import { join } from 'node:path';
import { QUEUE_CONSUMER_READY_LINE } from '../../lib/config/script-contract';
import { findWorkspaceRoot } from '../../lib/config/workspace-root';
import {
  startScriptUntilReady,
  type ScriptProcess,
} from '../../lib/process/script-until-ready';

/** `pid` is the node process that runs the handler: killing it is a crash. */
export type QueueConsumer = ScriptProcess;

export interface QueueConsumerOptions {
  /** The handler's file, relative to the workspace root, e.g. apps/loyalty-event-processor/src/main.ts. */
  handlerFile: string;
  /** The tsconfig to compile it with (ts-node keeps the decorator metadata Nest needs). */
  tsconfig: string;
  queueUrl: string;
  batchSize?: number;
  /** The consumer's environment: the apps' variables (TABLE_NAME, AWS_ENDPOINT_URL_*, ...). */
  env: NodeJS.ProcessEnv;
  /** Sees every line the consumer prints (its handler's logs, its batches) as it comes. */
  onOutputLine?: (line: string) => void;
  startTimeoutMs?: number;
}

/** A Lambda handler polling a queue in a child process of its own (`consume-queue`), resolved once it polls. */
export function startQueueConsumer({
  handlerFile,
  tsconfig,
  queueUrl,
  batchSize = 10,
  env,
  onOutputLine,
  startTimeoutMs = 60_000,
}: QueueConsumerOptions): Promise<QueueConsumer> {
  const workspaceRoot = findWorkspaceRoot();
  return startScriptUntilReady({
    workspaceRoot,
    script: 'libs/local-stack/src/bin/consume-queue.ts',
    args: [
      '--handler',
      handlerFile,
      '--queue-url',
      queueUrl,
      '--batch-size',
      String(batchSize),
    ],
    tsNodeProject: tsconfig,
    env,
    readyLine: QUEUE_CONSUMER_READY_LINE,
    timeoutMs: startTimeoutMs,
    logFile: join(
      workspaceRoot,
      'tmp',
      'local-stack',
      `queue-consumer-${Date.now()}-${process.pid}.log`,
    ),
    onOutputLine,
    stopGraceMs: 5_000,
  });
}
