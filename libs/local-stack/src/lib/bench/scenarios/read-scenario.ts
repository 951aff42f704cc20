import { keys } from '@loyalty/domain';
import { signToken } from '../../auth/sign-token';
import type { BenchContext, ScenarioResult } from '../bench-context';
import { apiGatewayEvent } from '../bench-events';
import { runInterleaved, type RoundInfo } from '../interleaved-rounds';
import type { FigureUnit, TableRow } from '../results-table';
import { seedCustomer } from '../seed-customer';
import {
  medianOfRounds,
  ratio,
  summarizeLatencies,
  type LatencySummary,
} from '../statistics';

/** The goal: the API handler answers GET /points/{userId} within this much of a bare GetItem (p50). */
export const READ_TARGET_P50_OVERHEAD_MS = 1;
const PERCENTILES = ['p50', 'p95', 'p99'] as const;
/** Lots on the customer's account: the item read is a realistic size, not an empty one. */
const SEEDED_ORDERS = 5;

/**
 * GET /points/{userId} through the API's Lambda handler (the built bundle, in its own process)
 * invoked with API Gateway HTTP API events carrying a signed customer token, one request at a
 * time, against a bare GetItem of the same account item. Latency percentiles per round; the
 * medians of the rounds are reported.
 */
export async function runReadScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const { requests, warmupRequests, rounds } = context.parameters.read;
  const tenantId = `bench-${context.runId}-read`;
  const userId = 'user_read';
  const [api, raw, token] = await Promise.all([
    context.containers.get('api'),
    context.containers.get('raw'),
    signToken(
      { sub: userId, tenantId, role: 'customer' },
      context.stack.environment.JWT_SECRET,
      { expiresIn: '2h' },
    ),
    seedCustomer(context.table, tenantId, userId, SEEDED_ORDERS),
  ]);
  const failures: string[] = [];

  const project = async ({ warmup }: RoundInfo): Promise<LatencySummary> => {
    const count = warmup ? warmupRequests : requests;
    const events = Array.from({ length: count }, () =>
      apiGatewayEvent({ method: 'GET', path: `/points/${userId}`, token }),
    );
    const result = await api.send({ command: 'api', events, concurrency: 1 });
    const wrong = result.statusCodes.filter((status) => status !== 200);
    if (wrong.length > 0)
      failures.push(
        `read: ${wrong.length} responses were not 200 (e.g. ${wrong[0]})`,
      );
    return summarizeLatencies(result.latenciesMs);
  };
  const bare = async ({ warmup }: RoundInfo): Promise<LatencySummary> => {
    const result = await raw.send({
      command: 'get-item',
      key: keys.account(tenantId, userId),
      requests: warmup ? warmupRequests : requests,
    });
    if (!result.found)
      failures.push('read: the bare GetItem did not find the account');
    return summarizeLatencies(result.latenciesMs);
  };
  const results = await runInterleaved({
    rounds,
    project,
    raw: bare,
    onRound: (side, { round }, summary) =>
      context.progress(
        `read: round ${round}/${rounds} ${side.padEnd(7)} p50 ${summary.p50.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms (${summary.count} requests)`,
      ),
  });

  const projectMedians = medianOfRounds(results.project, PERCENTILES);
  const rawMedians = medianOfRounds(results.raw, PERCENTILES);
  const p50Overhead = projectMedians.p50 - rawMedians.p50;
  return {
    rows: latencyRows(
      'read (in-process)',
      'GET /points handler',
      projectMedians,
      rawMedians,
      {
        p50: {
          target: `≤ raw + ${READ_TARGET_P50_OVERHEAD_MS} ms`,
          met: p50Overhead <= READ_TARGET_P50_OVERHEAD_MS,
        },
      },
    ),
    details: {
      parameters: {
        ...context.parameters.read,
        concurrency: 1,
        seededOrders: SEEDED_ORDERS,
      },
      latencyMs: { project: projectMedians, raw: rawMedians },
      p50OverheadMs: p50Overhead,
      ratios: Object.fromEntries(
        PERCENTILES.map((p) => [p, ratio(projectMedians[p], rawMedians[p])]),
      ),
      rounds: results,
    },
    failures,
  };
}

/** One row per percentile, project against raw, with the goal where there is one. */
export function latencyRows(
  scenario: string,
  figure: string,
  project: Record<string, number>,
  raw: Record<string, number>,
  targets: Record<string, { target: string; met: boolean }> = {},
  unit: FigureUnit = 'ms',
): TableRow[] {
  return Object.keys(project).map((percentile) => ({
    scenario,
    figure: `${figure} ${percentile}`,
    unit,
    project: project[percentile],
    raw: raw[percentile],
    ratio: ratio(project[percentile], raw[percentile]),
    ...targets[percentile],
  }));
}
