import { keys } from '@loyalty/domain';
import autocannon from 'autocannon';
import { signToken } from '../../auth/sign-token';
import { LOOPBACK_HOST } from '../../net/free-port';
import type { BenchContext, ScenarioResult } from '../bench-context';
import { runInterleaved, type RoundInfo } from '../interleaved-rounds';
import { seedCustomer } from '../seed-customer';
import {
  median,
  medianOfRounds,
  ratio,
  summarizeLatencies,
} from '../statistics';
import { latencyRows } from './read-scenario';

const PERCENTILES = ['p50', 'p95', 'p99'] as const;
const SEEDED_ORDERS = 5;

interface LoadRound {
  requestsPerSecond: number;
  responses: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * GET /points/{userId} over HTTP through serverless-offline (the stack's API, the built bundle)
 * under autocannon, against the same autocannon load on a minimal node HTTP server that answers
 * each request with one bare GetItem of the same item (in its own process). Same connections,
 * same duration. Latencies are every response's, as autocannon timed it.
 */
export async function runHttpReadScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const { connections, durationSeconds, warmupSeconds, rounds } =
    context.parameters.http;
  const tenantId = `bench-${context.runId}-http`;
  const userId = 'user_http';
  const [raw, token] = await Promise.all([
    context.containers.get('raw'),
    signToken(
      { sub: userId, tenantId, role: 'customer' },
      context.stack.environment.JWT_SECRET,
      { expiresIn: '2h' },
    ),
    seedCustomer(context.table, tenantId, userId, SEEDED_ORDERS),
  ]);
  const { port } = await raw.send({
    command: 'serve-get-item',
    key: keys.account(tenantId, userId),
  });
  // serverless-offline runs each concurrent request in an instance of its own, as Lambda does, and
  // creates one on demand (a cold start, seconds on a busy machine): one request per connection,
  // all at once, makes them all before anything is timed.
  const projectUrl = `${context.stack.apiUrl}/points/${userId}`;
  const authorization = { authorization: `Bearer ${token}` };
  await primeInstances(projectUrl, authorization, connections);
  const load =
    (url: string, headers: Record<string, string>) =>
    ({ warmup }: RoundInfo) =>
      measureLoad({
        url,
        headers,
        connections,
        durationSeconds: warmup ? warmupSeconds : durationSeconds,
      });

  const results = await runInterleaved({
    rounds,
    project: load(projectUrl, authorization),
    raw: load(`http://${LOOPBACK_HOST}:${port}/`, {}),
    onRound: (side, { round }, result) =>
      context.progress(
        `http: round ${round}/${rounds} ${side.padEnd(7)} ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (${result.non2xx} non-2xx, ${result.errors} errors)`,
      ),
  });

  const project = medianOfRounds(results.project, PERCENTILES);
  const rawLatency = medianOfRounds(results.raw, PERCENTILES);
  const projectRate = median(
    results.project.map((result) => result.requestsPerSecond),
  );
  const rawRate = median(results.raw.map((result) => result.requestsPerSecond));
  const failures = [...results.project, ...results.raw]
    .filter((result) => result.non2xx > 0 || result.errors > 0)
    .map(
      (result) =>
        `http: ${result.non2xx} non-2xx responses and ${result.errors} errors in a round`,
    );
  return {
    rows: [
      {
        scenario: 'read (HTTP)',
        figure: `serverless-offline, ${connections} connections`,
        unit: 'req/s',
        project: projectRate,
        raw: rawRate,
        ratio: ratio(projectRate, rawRate),
      },
      ...latencyRows('read (HTTP)', 'GET /points', project, rawLatency),
    ],
    details: {
      parameters: context.parameters.http,
      requestsPerSecond: {
        project: projectRate,
        raw: rawRate,
        ratio: ratio(projectRate, rawRate),
      },
      latencyMs: { project, raw: rawLatency },
      rounds: results,
    },
    failures,
  };
}

const PRIME_TIMEOUT_MS = 120_000;

async function primeInstances(
  url: string,
  headers: Record<string, string>,
  connections: number,
): Promise<void> {
  const statuses = await Promise.all(
    Array.from({ length: connections }, async () => {
      const response = await fetch(url, {
        headers,
        signal: AbortSignal.timeout(PRIME_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  const wrong = statuses.filter((status) => status !== 200);
  if (wrong.length > 0)
    throw new Error(
      `GET ${url} answered ${wrong.join(', ')} while starting its instances`,
    );
}

async function measureLoad({
  url,
  headers,
  connections,
  durationSeconds,
}: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}): Promise<LoadRound> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections, duration: durationSeconds },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    // The tracker emits (client, status, bytes, responseTime); @types/autocannon leaves out the client.
    instance.on('response', (...args: unknown[]) =>
      latencies.push(args[3] as number),
    );
  });
  if (latencies.length === 0) {
    throw new Error(
      `no response from ${url} in ${durationSeconds} s (${result.errors} errors)`,
    );
  }
  const summary = summarizeLatencies(latencies);
  return {
    requestsPerSecond: latencies.length / result.duration,
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: summary.p50,
    p95: summary.p95,
    p99: summary.p99,
  };
}
