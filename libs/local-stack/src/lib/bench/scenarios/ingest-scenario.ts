import type { BenchContext, ScenarioResult } from '../bench-context';
import { ordersOfDistinctCustomers, toBatches } from '../bench-events';
import type { Container } from '../container/container-client';
import type { OperationCounts } from '../container/operation-counter';
import { compareShapes } from '../container/operation-shape';
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
 * order.completed events through the real processor handler (the built bundle, in its own
 * process) in SQS batches, `concurrency` batches at a time, against the raw order handler doing
 * the same reads and the same transaction with the same concurrency. Every round has a new tenant
 * and one new customer per event.
 */
export async function runIngestScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const { events, warmupEvents, batchSize, concurrency, rounds } =
    context.parameters.ingest;
  const [processor, raw] = await Promise.all([
    context.containers.get('processor'),
    context.containers.get('raw'),
  ]);
  const round =
    (side: SideName, container: Container) =>
    async ({ round, warmup }: RoundInfo): Promise<IngestRound> => {
      const count = warmup ? warmupEvents : events;
      const tenantId = `bench-${context.runId}-ingest-${side}-${round}`;
      const batches = toBatches(
        ordersOfDistinctCustomers(tenantId, count),
        batchSize,
      );
      const result = await container.send({
        command: 'sqs',
        batches,
        concurrency,
      });
      return {
        events: count,
        elapsedMs: result.elapsedMs,
        eventsPerSecond: count / (result.elapsedMs / 1000),
        cpuMsPerEvent: result.cpuMs / count,
        failedRecords: result.failedRecords,
        operations: result.operations,
      };
    };
  const results = await runInterleaved({
    rounds,
    project: round('project', processor),
    raw: round('raw', raw),
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
        figure: `order.completed, batches of ${batchSize} ×${concurrency}`,
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
