import { describeExit, type ProcessExit } from './child-process';

export interface Shutdown {
  /** Registers something to stop on shutdown; stopped in reverse order of registration. */
  add(name: string, stop: () => Promise<void>): void;
  /** Shuts everything down with exit code 1 if this process exits before shutdown began. */
  watch(name: string, exited: Promise<ProcessExit>): void;
  /** Stops everything registered, then exits the process with `exitCode`. */
  exit(exitCode: number): Promise<never>;
  /**
   * For a script started by another program with a pipe as stdin: shuts down (exit 0) when that
   * pipe closes, i.e. when the starter is gone, even killed by SIGKILL or a Ctrl-C aimed at it.
   */
  exitWhenStdinCloses(): void;
}

/**
 * Coordinates stopping a set of servers and child processes: on Ctrl-C or SIGTERM (exit 0), when
 * a watched child dies (exit 1) or when the caller gives up (its exit code). Every stop is
 * bounded in time, so a repeated signal (tsx relays the terminal's Ctrl-C a second time) is ignored.
 */
export function createShutdown(
  log: (line: string) => void = console.log,
): Shutdown {
  const registered: Array<{ name: string; stop: () => Promise<void> }> = [];
  // The first reason to shut down wins; later calls wait for the same shutdown.
  let shutdown: Promise<never> | undefined;

  const exit = (exitCode: number): Promise<never> => {
    shutdown ??= (async () => {
      for (const { name, stop } of [...registered].reverse()) {
        try {
          await stop();
        } catch (error) {
          log(`Stopping ${name} failed: ${(error as Error).message}`);
        }
      }
      log('Stopped.');
      process.exit(exitCode);
    })();
    return shutdown;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown) {
      return;
    }
    log(`${signal} received: stopping the local stack`);
    void exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    add: (name, stop) => registered.push({ name, stop }),
    watch: (name, exited) => {
      void exited.then((processExit) => {
        if (!shutdown) {
          log(
            `${name} ${describeExit(processExit)} unexpectedly: stopping everything`,
          );
          void exit(1);
        }
      });
    },
    exit,
    exitWhenStdinCloses: () => {
      process.stdin.once('end', () => {
        log('stdin closed (the starting process is gone): stopping');
        void exit(0);
      });
      process.stdin.resume();
    },
  };
}
