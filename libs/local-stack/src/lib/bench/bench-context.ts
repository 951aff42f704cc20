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
 * The measured processes of a run, by target. Scenarios share them: `instances(target, n)` is the
 * first n, started as needed (the runner starts what the chosen scenarios need while the stack
 * starts). All are stopped at the end, or when the bench is interrupted.
 */
export class ContainerPool {
  private readonly byTarget = new Map<
    ContainerTarget,
    Array<Promise<Container>>
  >();
  private readonly started: Array<Promise<Container>> = [];
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

  instances(target: ContainerTarget, count: number): Promise<Container[]> {
    const containers = this.byTarget.get(target) ?? [];
    this.byTarget.set(target, containers);
    while (containers.length < count) {
      const container = this.start(target, containers.length + 1);
      container.catch(() => undefined); // reported to whoever uses it
      containers.push(container);
    }
    return Promise.all(containers.slice(0, count));
  }

  async get(target: ContainerTarget): Promise<Container> {
    const [container] = await this.instances(target, 1);
    return container;
  }

  /** Starts as many processes of each target as given, before they are asked for. */
  prestart(counts: Partial<Record<ContainerTarget, number>>): void {
    for (const [target, count] of Object.entries(counts)) {
      void this.instances(target as ContainerTarget, count).catch(
        () => undefined,
      );
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

  private start(target: ContainerTarget, number: number): Promise<Container> {
    const container = startContainer({
      target,
      bundle: target === 'raw' ? undefined : this.bundles[target],
      environment: Promise.race([this.environment, this.cancelled]),
      logFile: join(this.logDir, `${target}-${number}.log`),
    });
    this.started.push(container);
    return container;
  }
}
