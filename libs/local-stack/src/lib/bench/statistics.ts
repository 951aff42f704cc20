/** Latency percentiles of one measured run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/**
 * Nearest-rank percentile (the smallest sample with at least p % of the samples at or below it),
 * so a reported figure is always a latency that was actually observed.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) {
    throw new Error('percentile of no samples');
  }
  if (!(p > 0 && p <= 100)) {
    throw new Error(`percentile must be in (0, 100], got ${p}`);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error('median of no values');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: samples.reduce((sum, sample) => sum + sample, 0) / samples.length,
  };
}

/** project / raw; undefined when there is no raw figure to compare with. */
export function ratio(project: number, raw: number): number | undefined {
  return raw > 0 && Number.isFinite(raw) ? project / raw : undefined;
}

/** The median of each field over several rounds' summaries (medians of rounds, not of samples). */
export function medianOfRounds<K extends string>(
  rounds: ReadonlyArray<Record<K, number>>,
  fields: readonly K[],
): Record<K, number> {
  return Object.fromEntries(
    fields.map((field) => [field, median(rounds.map((round) => round[field]))]),
  ) as Record<K, number>;
}
