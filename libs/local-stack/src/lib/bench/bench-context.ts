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
  private count = 0;

  constructor(
    private readonly bundles: LambdaBundles,
    private readonly environment: Record<string, string>,
    private readonly logDir: string,
  ) {}

  get(target: ContainerTarget): Promise<Container> {
    const existing = this.shared.get(target);
    if (existing) return existing;
    const container = this.start(target);
    this.shared.set(target, container);
    return container;
  }

  extra(target: ContainerTarget): Promise<Container> {
    return this.start(target);
  }

  async stopAll(): Promise<void> {
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
      environment: this.environment,
      logFile: join(this.logDir, `${target}-${this.count}.log`),
    });
    this.started.push(container);
    return container;
  }
}
