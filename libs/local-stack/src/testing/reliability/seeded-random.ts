import { createHash } from 'node:crypto';

/** A reproducible stream of numbers in [0, 1) (mulberry32): the same seed gives the same scenario. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** A whole number from `min` to `max`, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
    }
    return shuffled;
  }
}

/**
 * A number in [0, 1) that depends only on the seed and `parts`: a decision keyed on what it is
 * about (e.g. a call and how often it was made) stays the same whatever order things happen in.
 */
export function seededFraction(
  seed: number,
  ...parts: readonly unknown[]
): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([seed, ...parts]))
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** The scenario's seed: RELIABILITY_SEED when set (to replay a failure), else the given default. */
export function scenarioSeed(defaultSeed: number): number {
  const fromEnvironment = process.env['RELIABILITY_SEED'];
  return fromEnvironment ? Number(fromEnvironment) : defaultSeed;
}
