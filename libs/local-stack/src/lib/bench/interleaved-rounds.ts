export type SideName = 'project' | 'raw';

export interface RoundInfo {
  /** 1-based; 0 for the warm-up. */
  round: number;
  warmup: boolean;
}

export interface InterleavedOptions<R> {
  rounds: number;
  project: (round: RoundInfo) => Promise<R>;
  raw: (round: RoundInfo) => Promise<R>;
  /** Called after every measured round (not the warm-up), for progress lines. */
  onRound?: (side: SideName, round: RoundInfo, result: R) => void;
}

export interface InterleavedResults<R> {
  project: R[];
  raw: R[];
  /** The warm-ups' results: not figures, but what each side did (the calls it made, say). */
  warmup: { project: R; raw: R };
}

/**
 * One warm-up of each side (JIT, connection pools, caches; not counted), then the measured rounds
 * alternating project, raw, project, raw …, so that whatever else the machine does at that moment
 * is spread over both sides instead of landing on one.
 */
export async function runInterleaved<R>({
  rounds,
  project,
  raw,
  onRound = () => undefined,
}: InterleavedOptions<R>): Promise<InterleavedResults<R>> {
  const warmupRound = { round: 0, warmup: true };
  const warmup = {
    project: await project(warmupRound),
    raw: await raw(warmupRound),
  };
  const results: InterleavedResults<R> = { project: [], raw: [], warmup };
  for (let round = 1; round <= rounds; round += 1) {
    const info = { round, warmup: false };
    for (const [side, run] of [
      ['project', project],
      ['raw', raw],
    ] as const) {
      const result = await run(info);
      results[side].push(result);
      onRound(side, info, result);
    }
  }
  return results;
}
