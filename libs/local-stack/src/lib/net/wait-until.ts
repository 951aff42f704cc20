import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitUntilOptions {
  /** What is awaited, for the timeout message ("DynamoDB Local on port 8000"). */
  description: string;
  timeoutMs: number;
  intervalMs?: number;
}

/**
 * Polls `isReady` until it resolves true. Gives up with a clear error after `timeoutMs`.
 * `isReady` may throw to stop waiting at once (e.g. when the awaited process has exited).
 */
export async function waitUntil(
  isReady: () => Promise<boolean>,
  { description, timeoutMs, intervalMs = 100 }: WaitUntilOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isReady()) {
      return;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${description}`,
      );
    }
    await sleep(intervalMs);
  }
}
