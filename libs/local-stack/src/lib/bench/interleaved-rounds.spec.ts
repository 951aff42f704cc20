import { runInterleaved, type RoundInfo } from './interleaved-rounds';

describe('runInterleaved', () => {
  it('warms up each side once, then alternates project and raw, keeping the warm-ups apart', async () => {
    // Prepare
    const calls: string[] = [];
    const side =
      (name: string) =>
      async ({ round, warmup }: RoundInfo) => {
        calls.push(warmup ? `${name} warm-up` : `${name} ${round}`);
        return `${name}-${round}`;
      };

    // Act
    const results = await runInterleaved({
      rounds: 2,
      project: side('project'),
      raw: side('raw'),
    });

    // Assess
    expect(calls).toEqual([
      'project warm-up',
      'raw warm-up',
      'project 1',
      'raw 1',
      'project 2',
      'raw 2',
    ]);
    expect(results).toEqual({
      project: ['project-1', 'project-2'],
      raw: ['raw-1', 'raw-2'],
      warmup: { project: 'project-0', raw: 'raw-0' },
    });
  });

  it('reports every measured round as it ends, not the warm-ups', async () => {
    // Prepare
    const reported: string[] = [];
    const side = async ({ round }: RoundInfo) => round * 10;

    // Act
    await runInterleaved({
      rounds: 1,
      project: side,
      raw: side,
      onRound: (name, { round }, result) =>
        reported.push(`${name} ${round}: ${result}`),
    });

    // Assess
    expect(reported).toEqual(['project 1: 10', 'raw 1: 10']);
  });
});
