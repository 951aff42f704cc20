import type { BenchContext, ScenarioResult } from '../bench-context';
import { ordersOfDistinctCustomers, toBatches } from '../bench-events';
import type { Container } from '../container/container-client';
import type { OperationCounts } from '../container/operation-counter';
import {
  addOperationCounts,
  compareShapes,
} from '../container/operation-shape';
import { performance } from 'node:perf_hooks';
import {
  runInterleaved,
  type RoundInfo,
  type SideName,
} from '../interleaved-rounds';
import { median, ratio } from '../statistics';

/** The goal: the product ingests at least this share of what bare DynamoDB calls manage. */
export const INGEST_TARGET_RATIO = 0.8;

interface IngestRound {
  events: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** CPU time the handler's process used per event: its own cost, whatever DynamoDB Local's speed. */
  cpuMsPerEvent: number;
  failedRecords: number;
  operations: OperationCounts;
}

/**
 * order.completed events through the real processor handler (the built bundle) in SQS batches,
 * on `concurrency` processor instances (separate processes, each handling one batch at a time, as
 * Lambda runs that many concurrent invocations), against the raw order handler doing the same
 * reads and the same transaction on as many raw processes. Every round has a new tenant and one
 * new customer per event.
 */
export async function runIngestScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const { events, warmupEvents, batchSize, concurrency, rounds } =
    context.parameters.ingest;
  const [processors, raws] = await Promise.all([
    context.containers.instances('processor', concurrency),
    context.containers.instances('raw', concurrency),
  ]);
  const round =
    (side: SideName, containers: Container[]) =>
    async ({ round, warmup }: RoundInfo): Promise<IngestRound> => {
      const count = warmup ? warmupEvents : events;
      const tenantId = `bench-${context.runId}-ingest-${side}-${round}`;
      const batches = toBatches(
        ordersOfDistinctCustomers(tenantId, count),
        batchSize,
      );
      const started = performance.now();
      const results = await Promise.all(
        containers.map((container, instance) =>
          container.send({
            command: 'sqs',
            batches: batches.filter(
              (_, index) => index % containers.length === instance,
            ),
            concurrency: 1,
          }),
        ),
      );
      const elapsedMs = performance.now() - started;
      const sum = (field: 'cpuMs' | 'failedRecords') =>
        results.reduce((total, result) => total + result[field], 0);
      return {
        events: count,
        elapsedMs,
        eventsPerSecond: count / (elapsedMs / 1000),
        cpuMsPerEvent: sum('cpuMs') / count,
        failedRecords: sum('failedRecords'),
        operations: addOperationCounts(
          results.map((result) => result.operations),
        ),
      };
    };
  const results = await runInterleaved({
    rounds,
    project: round('project', processors),
    raw: round('raw', raws),
    onRound: (side, { round }, result) =>
      context.progress(
        `ingest: round ${round}/${rounds} ${side.padEnd(7)} ${Math.round(result.eventsPerSecond)} events/s, ${result.cpuMsPerEvent.toFixed(2)} ms CPU per event (${events} events, ${result.failedRecords} failed)`,
      ),
  });

  const project = median(
    results.project.map((result) => result.eventsPerSecond),
  );
  const rawRate = median(results.raw.map((result) => result.eventsPerSecond));
  const ingestRatio = ratio(project, rawRate);
  const projectCpu = median(
    results.project.map((result) => result.cpuMsPerEvent),
  );
  const rawCpu = median(results.raw.map((result) => result.cpuMsPerEvent));
  // Compared on the warm-ups: short enough that neither side's tenant cache expires meanwhile.
  const shape = compareShapes(
    results.warmup.project.operations,
    results.warmup.raw.operations,
  );
  if (!shape.matches) {
    context.progress(
      `ingest: WARNING the raw baseline no longer sends what the processor sends for the same events (${shape.differences.join('; ')}): update raw/raw-order-handler.ts`,
    );
  }
  const failed = [...results.project, ...results.raw].reduce(
    (sum, result) => sum + result.failedRecords,
    0,
  );
  return {
    rows: [
      {
        scenario: 'ingest',
        figure: `order.completed, batches of ${batchSize}, ${concurrency} instances`,
        unit: 'events/s',
        project,
        raw: rawRate,
        ratio: ingestRatio,
        target: `ratio ≥ ${INGEST_TARGET_RATIO}`,
        met: ingestRatio !== undefined && ingestRatio >= INGEST_TARGET_RATIO,
      },
      {
        scenario: 'ingest',
        figure: 'CPU time of the handler per event',
        unit: 'ms',
        project: projectCpu,
        raw: rawCpu,
        ratio: ratio(projectCpu, rawCpu),
      },
    ],
    details: {
      parameters: context.parameters.ingest,
      eventsPerSecond: { project, raw: rawRate, ratio: ingestRatio },
      cpuMsPerEvent: {
        project: projectCpu,
        raw: rawCpu,
        ratio: ratio(projectCpu, rawCpu),
      },
      pairedRatios: results.project.map((result, index) =>
        ratio(result.eventsPerSecond, results.raw[index].eventsPerSecond),
      ),
      rounds: results,
      shape,
    },
    failures:
      failed > 0 ? [`ingest: ${failed} records were reported as failed`] : [],
  };
}
