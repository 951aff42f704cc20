import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopOptions {
  /** Signal the child's whole process group (the child must have been spawned `detached`). */
  wholeGroup: boolean;
  /** How long the child gets to shut down after SIGTERM before it is killed. */
  graceMs?: number;
}

const DEFAULT_GRACE_MS = 5_000;
const AFTER_KILL_WAIT_MS = 2_000;

/** Resolves when the child has exited, at once if it already has. */
export function waitForExit(child: ChildProcess): Promise<ProcessExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

export function describeExit({ code, signal }: ProcessExit): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/** SIGTERM, then SIGKILL if the child is still there after the grace period. Bounded in time. */
export async function stopChildProcess(
  child: ChildProcess,
  { wholeGroup, graceMs = DEFAULT_GRACE_MS }: StopOptions,
): Promise<void> {
  if (child.pid === undefined) {
    return; // never started (spawn failed), nothing to stop
  }
  const exited = waitForExit(child);
  const alreadyExited = child.exitCode !== null || child.signalCode !== null;
  if (!alreadyExited) {
    signalChild(child, 'SIGTERM', wholeGroup);
    await settledWithin(exited, graceMs);
  }
  // A group can outlive its leader (grandchildren), so it is always swept.
  if (wholeGroup || child.exitCode === null) {
    signalChild(child, 'SIGKILL', wholeGroup);
  }
  await settledWithin(exited, AFTER_KILL_WAIT_MS);
}

/** Waits for `promise`, at most `ms`; the timer is cleared so it does not keep the process alive. */
async function settledWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<void> {
  const timer = new AbortController();
  await Promise.race([promise, sleep(ms, undefined, { signal: timer.signal })]);
  timer.abort();
}

/**
 * Asks the child to stop if this process exits without having stopped it (an uncaught error, a
 * test runner bailing out), so that no orphaned server keeps running. SIGTERM, because an exit
 * hook cannot wait: the child shuts down on its own, stopping its own children.
 */
export function stopWhenThisProcessExits(
  child: ChildProcess,
  wholeGroup: boolean,
): void {
  const stopChild = () => signalChild(child, 'SIGTERM', wholeGroup);
  process.once('exit', stopChild);
  child.once('exit', () => process.removeListener('exit', stopChild));
}

function signalChild(
  child: ChildProcess,
  signal: NodeJS.Signals,
  wholeGroup: boolean,
): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(wholeGroup ? -child.pid : child.pid, signal);
  } catch (error) {
    // ESRCH: it is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}
