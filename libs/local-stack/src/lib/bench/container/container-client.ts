import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  describeExit,
  stopChildProcess,
  waitForExit,
} from '../../process/child-process';
import type {
  ContainerCommand,
  ContainerReply,
  ContainerResults,
  ContainerSetup,
  ContainerTarget,
} from './container-protocol';

export interface ContainerOptions {
  target: ContainerTarget;
  /** The built bundle a processor or api container loads. */
  bundle?: string;
  /**
   * The handlers' environment (table, queues, endpoints, secrets). The process starts at once and
   * loads its handler when this resolves: containers start while the stack does.
   */
  environment: Promise<Record<string, string>>;
  /** Receives the container's output (the handlers' logs). */
  logFile: string;
  /** How long one command may take. */
  commandTimeoutMs?: number;
}

export interface Container {
  target: ContainerTarget;
  pid: number;
  send<C extends ContainerCommand>(
    command: C,
  ): Promise<ContainerResults[C['command']]>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const DEFAULT_COMMAND_TIMEOUT_MS = 300_000;

/**
 * Starts a measured process (bench-container.ts, run by this process's own TypeScript loader) and
 * resolves once its handler is loaded with the environment. Stops with this process, whatever way
 * it ends.
 */
export async function startContainer({
  target,
  bundle,
  environment,
  logFile,
  commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
}: ContainerOptions): Promise<Container> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'a');
  const child = fork(
    join(__dirname, 'bench-container.ts'),
    bundle ? [target, bundle] : [target],
    {
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  closeSync(log); // the child has its own copy
  // No exit hook here: the child exits when its IPC channel closes, however this process ends.
  const exited = waitForExit(child).then((exit) => {
    throw new Error(
      `the ${target} container ${describeExit(exit)} (its output: ${logFile})`,
    );
  });
  exited.catch(() => undefined); // observed by whoever waits on it
  const pending = new Map<number, (reply: ContainerReply) => void>();
  let ready: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (reply: ContainerReply) => {
    if ('ready' in reply) {
      ready();
    } else {
      pending.get(reply.id)?.(reply);
    }
  });
  try {
    child.send({ environment: await environment } satisfies ContainerSetup);
    await within(
      Promise.race([loaded, exited]),
      READY_TIMEOUT_MS,
      `the ${target} container to load`,
    );
  } catch (error) {
    await stopChildProcess(child, { wholeGroup: false });
    throw error;
  }

  let nextId = 0;
  return {
    target,
    pid: child.pid as number,
    send: async <C extends ContainerCommand>(command: C) => {
      nextId += 1;
      const id = nextId;
      const replied = new Promise<ContainerReply>((resolve) =>
        pending.set(id, resolve),
      );
      child.send({ id, ...command });
      try {
        const reply = await within(
          Promise.race([replied, exited]),
          commandTimeoutMs,
          `the ${target} container's "${command.command}"`,
        );
        if ('ok' in reply && reply.ok) {
          return reply.result as ContainerResults[C['command']];
        }
        throw new Error(
          `the ${target} container's "${command.command}" failed: ${'error' in reply ? reply.error : 'no answer'}`,
        );
      } finally {
        pending.delete(id);
      }
    },
    stop: () => stopContainer(child),
  };
}

async function stopContainer(child: ChildProcess): Promise<void> {
  if (child.connected) child.disconnect();
  await stopChildProcess(child, { wholeGroup: false, graceMs: 2_000 });
}

async function within<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
