/** One structured log line (Powertools' Logger writes JSON objects with these fields). */
export interface LogEntry {
  readonly level: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

/**
 * Takes the structured log lines that code in this process writes to stdout and stderr (a Lambda
 * handler's logs, as CloudWatch would get them: warnings and errors go to stderr) and keeps them
 * for assertions instead of printing them; anything else passes through.
 */
export class ProcessLogCapture {
  readonly entries: LogEntry[] = [];
  private readonly restores: Array<() => void> = [];

  start(): this {
    this.restores.push(
      this.capture(process.stdout),
      this.capture(process.stderr),
    );
    return this;
  }

  stop(): void {
    this.restores.splice(0).forEach((restore) => restore());
  }

  /** Entries with this message (exactly, or matching the pattern). */
  withMessage(message: string | RegExp): LogEntry[] {
    return this.entries.filter((entry) =>
      typeof message === 'string'
        ? entry.message === message
        : message.test(entry.message),
    );
  }

  private capture(stream: NodeJS.WriteStream): () => void {
    const write = stream.write;
    let pending = '';
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      const passed = lines.filter((line) => !this.keep(line));
      if (passed.length > 0) {
        write.call(stream, passed.map((line) => `${line}\n`).join(''));
      }
      const callback = rest.find((argument) => typeof argument === 'function');
      (callback as (() => void) | undefined)?.();
      return true;
    }) as typeof stream.write;
    return () => {
      stream.write = write;
      if (pending) write.call(stream, pending);
    };
  }

  private keep(line: string): boolean {
    if (!line.startsWith('{')) {
      return false;
    }
    try {
      const entry = JSON.parse(line) as Partial<LogEntry>;
      if (
        typeof entry.level !== 'string' ||
        typeof entry.message !== 'string'
      ) {
        return false;
      }
      this.entries.push(entry as LogEntry);
      return true;
    } catch {
      return false;
    }
  }
}
