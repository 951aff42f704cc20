/**
 * Runs tasks one at a time per key (and concurrently across keys) within this process. Writers to
 * the same account from one process then queue instead of racing each other's optimistic writes;
 * races with other processes are still settled by the version guard.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
