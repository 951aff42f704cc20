import type { ChildProcess } from 'node:child_process';
import { waitUntil } from '../net/wait-until';
import { describeExit, stopChildProcess } from './child-process';

export interface ServingOptions {
  /** Names the program in errors, e.g. "DynamoDB Local". */
  name: string;
  /** What is awaited, for the timeout message. */
  description: string;
  /** True once the program answers. */
  isServing: () => Promise<boolean>;
  timeoutMs: number;
  intervalMs?: number;
  /** Turns a failure to spawn (ENOENT, EACCES, ...) into an error a developer can act on. */
  explainSpawnError?: (error: Error) => Error;
  /** Appended to the error when the program exits before it serves (e.g. its last output). */
  exitDetail?: () => string;
}

/**
 * Waits for a just-spawned, detached server to answer. If it cannot be spawned, exits first or
 * takes too long, its process group is stopped and the promise rejects saying why. Call it right
 * after spawn(), before any await, so that a spawn error cannot go unheard.
 */
export async function waitUntilServing(
  child: ChildProcess,
  {
    name,
    description,
    isServing,
    timeoutMs,
    intervalMs,
    explainSpawnError = (error) =>
      new Error(`Could not start ${name}: ${error.message}`),
    exitDetail = () => '',
  }: ServingOptions,
): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  try {
    await waitUntil(
      async () => {
        if (spawnError) {
          throw explainSpawnError(spawnError);
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          const exit = describeExit({
            code: child.exitCode,
            signal: child.signalCode,
          });
          throw new Error(`${name} ${exit} before it was ready${exitDetail()}`);
        }
        return isServing();
      },
      { description, timeoutMs, intervalMs },
    );
  } catch (error) {
    await stopChildProcess(child, { wholeGroup: true });
    throw error;
  }
}
