import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import type { BenchParameters } from './bench-parameters';
import type { BenchStack } from './bench-stack';
import { startContainer, type Container } from './container/container-client';
import type { ContainerTarget } from './container/container-protocol';
import type { TableRow } from './results-table';

export interface LambdaBundles {
  api: string;
  processor: string;
}

/** What every scenario gets from the runner. */
export interface BenchContext {
  workspaceRoot: string;
  parameters: BenchParameters;
  stack: BenchStack;
  bundles: LambdaBundles;
  /** Short and unique to this run: tenants are named after it, so runs never share data. */
  runId: string;
  /** This run's scratch folder (logs of the measured processes, the bare bundle). */
  workDir: string;
  /** The bench's own client of the stack's table (seeding, verifying); never measured. */
  table: { client: DynamoDBDocumentClient; tableName: string };
  containers: ContainerPool;
  progress(line: string): void;
}

/** What a scenario reports: table rows, details for the JSON, and whatever proves it wrong. */
export interface ScenarioResult {
  rows: TableRow[];
  details: Record<string, unknown>;
  /** Lost or doubled effects, drift, failed records, wrong answers: any of them fails the run. */
  failures: string[];
}

/**
 * The measured processes of a run. `shared` ones serve every scenario (started on first use);
 * `extra` ones are for a scenario that needs several instances of a handler. All are stopped at
 * the end, or when the bench is interrupted.
 */
export class ContainerPool {
  private readonly shared = new Map<ContainerTarget, Promise<Container>>();
  private readonly started: Array<Promise<Container>> = [];
  private readonly prestarted: Array<{
    target: ContainerTarget;
    container: Promise<Container>;
  }> = [];
  private count = 0;
  private cancel: (reason: Error) => void = () => undefined;
  /** Rejects when the pool is stopped, so that a process still waiting for the stack gives up. */
  private readonly cancelled = new Promise<never>((_, reject) => {
    this.cancel = reject;
  });

  constructor(
    private readonly bundles: LambdaBundles,
    private readonly environment: Promise<Record<string, string>>,
    private readonly logDir: string,
  ) {
    this.cancelled.catch(() => undefined);
  }

  get(target: ContainerTarget): Promise<Container> {
    const existing = this.shared.get(target);
    if (existing) return existing;
    const container = this.start(target);
    this.shared.set(target, container);
    return container;
  }

  extra(target: ContainerTarget): Promise<Container> {
    const ready = this.prestarted.findIndex(
      (prestarted) => prestarted.target === target,
    );
    return ready >= 0
      ? this.prestarted.splice(ready, 1)[0].container
      : this.start(target);
  }

  /**
   * Starts processes a run will need before they are asked for (they load once the stack's
   * environment is known): the shared one of each target, and `extra` more.
   */
  prestart(targets: ContainerTarget[], extra: ContainerTarget[]): void {
    for (const target of targets) void this.get(target).catch(() => undefined);
    for (const target of extra) {
      const container = this.start(target);
      container.catch(() => undefined); // reported to whoever takes it
      this.prestarted.push({ target, container });
    }
  }

  /** Waits until every process started so far has loaded (or failed to): none may load while another measures. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.started);
  }

  async stopAll(): Promise<void> {
    this.cancel(new Error('the bench is stopping'));
    const containers = await Promise.allSettled(this.started);
    await Promise.all(
      containers.map((container) =>
        container.status === 'fulfilled' ? container.value.stop() : undefined,
      ),
    );
  }

  private start(target: ContainerTarget): Promise<Container> {
    this.count += 1;
    const container = startContainer({
      target,
      bundle: target === 'raw' ? undefined : this.bundles[target],
      environment: Promise.race([this.environment, this.cancelled]),
      logFile: join(this.logDir, `${target}-${this.count}.log`),
    });
    this.started.push(container);
    return container;
  }
}
