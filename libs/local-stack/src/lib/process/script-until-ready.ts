import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT_WITH_PARENT_FLAG } from '../config/script-contract';
import {
  describeExit,
  stopChildProcess,
  stopWhenThisProcessExits,
  waitForExit,
} from './child-process';

export interface ScriptUntilReadyOptions {
  workspaceRoot: string;
  /** TypeScript entry point, relative to the workspace root; run with tsx unless `tsNodeProject` is set. */
  script: string;
  /**
   * Runs the script with ts-node and this tsconfig (relative to the workspace root) instead of tsx:
   * for code that loads a Nest app, whose dependency injection reads the decorator metadata that
   * only the TypeScript compiler emits (tsx's esbuild does not).
   */
  tsNodeProject?: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** The line the script prints once it is ready. */
  readyLine: string;
  timeoutMs: number;
  /** Receives the script's whole output, for debugging. */
  logFile: string;
  /** How long the script gets to shut down before its process group is killed. */
  stopGraceMs?: number;
  /** Sees every line the script prints on stdout, as it comes. */
  onOutputLine?: (line: string) => void;
}

export interface ScriptProcess {
  pid: number;
  logFile: string;
  /** Stops the script and every process in its group; bounded by `stopGraceMs`. */
  stop(): Promise<void>;
}

const LOG_TAIL_LINES = 40;
/**
 * tsx reads path aliases (@loyalty/domain) only from a tsconfig.json in the working directory,
 * and an Nx workspace keeps them in tsconfig.base.json, which this file extends.
 */
const TSX_TSCONFIG = 'libs/local-stack/tsconfig.lib.json';

/**
 * Runs one of this library's scripts as a detached child (its own process group) and resolves
 * once it prints `readyLine`. Fails with the end of its log if it exits first or takes too long.
 * The script gets `--exit-with-parent` and a stdin pipe, so it shuts down even if this process
 * dies abruptly.
 */
export async function startScriptUntilReady({
  workspaceRoot,
  script,
  args = [],
  env,
  readyLine,
  timeoutMs,
  logFile,
  stopGraceMs = 15_000,
  tsNodeProject,
  onOutputLine = () => undefined,
}: ScriptUntilReadyOptions): Promise<ScriptProcess> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const scriptArgs = [script, ...args, `--${EXIT_WITH_PARENT_FLAG}`];
  const [command, commandArgs] =
    tsNodeProject === undefined
      ? [
          join(workspaceRoot, 'node_modules', '.bin', 'tsx'),
          ['--tsconfig', TSX_TSCONFIG, ...scriptArgs],
        ]
      : // One node process, no launcher in between: the child's PID is the script's.
        [
          process.execPath,
          [
            '--require',
            'ts-node/register',
            '--require',
            'tsconfig-paths/register',
            ...scriptArgs,
          ],
        ];
  const child = spawn(command, commandArgs, {
    cwd: workspaceRoot,
    env:
      tsNodeProject === undefined
        ? env
        : { ...env, ...tsNodeEnvironment(workspaceRoot, tsNodeProject) },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  stopWhenThisProcessExits(child, true);
  const exited = waitForExit(child);

  const ready = new Promise<void>((resolve) => {
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onOutputLine);
      if (lines.some((line) => line.trim() === readyLine)) {
        resolve();
      }
    });
  });
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  const closeLog = () => new Promise<void>((resolve) => log.end(resolve));
  const stop = async () => {
    await stopChildProcess(child, { wholeGroup: true, graceMs: stopGraceMs });
    child.stdin.destroy(); // an open pipe would keep the test runner alive
    await closeLog();
  };

  const timer = new AbortController();
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited,
    sleep(timeoutMs, 'timeout' as const, { signal: timer.signal }),
  ]);
  timer.abort(); // a pending timer would keep the test runner alive
  if (outcome === 'ready') {
    return { pid: child.pid as number, logFile, stop };
  }
  await stop();
  const why =
    outcome === 'timeout'
      ? `did not print "${readyLine}" within ${timeoutMs} ms`
      : `${describeExit(outcome)} before printing "${readyLine}"`;
  throw new Error(
    `${script} ${why}. Last lines of ${logFile}:\n${tail(logFile)}`,
  );
}

/**
 * ts-node compiles file by file without type checks; tsconfig-paths resolves the path aliases,
 * which an Nx workspace declares relative to its root, so that is their base.
 */
function tsNodeEnvironment(
  workspaceRoot: string,
  project: string,
): NodeJS.ProcessEnv {
  return {
    TS_NODE_PROJECT: join(workspaceRoot, project),
    TS_NODE_TRANSPILE_ONLY: 'true',
    TS_NODE_BASEURL: workspaceRoot,
  };
}

function tail(file: string): string {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(-LOG_TAIL_LINES)
    .join('\n');
}
