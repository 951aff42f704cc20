import type { BenchOptions, ScenarioName } from './bench-options';
import type { BenchParameters } from './bench-parameters';
import type { MachineDescription } from './machine';
import type { TableRow } from './results-table';

/** The JSON the bench writes (bench/results/latest.json by default). */
export interface BenchReport {
  /** Bumped when a field changes meaning. */
  format: 1;
  startedAt: string;
  durationSeconds: number;
  quick: boolean;
  machine: MachineDescription;
  /** The stack measured against: started by the bench, or one already running. */
  stack: 'started' | 'running';
  parameters: BenchParameters;
  table: TableRow[];
  scenarios: Partial<
    Record<ScenarioName, Record<string, unknown> | { error: string }>
  >;
  failures: string[];
  passed: boolean;
}

export function reportTitle(
  options: Pick<BenchOptions, 'quick' | 'scenarios'>,
): string {
  return `${options.quick ? 'quick' : 'full'} run of ${options.scenarios.join(', ')}`;
}
