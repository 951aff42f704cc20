import { CounterIncrement } from './earn-evaluation';
import { CounterUsage } from './earning-input';
import { CounterRef } from './limit-counters';
import { compareText } from '../shared/compare-text';

/** How much of an award fits, and the counter that cut it short when it did not all fit. */
export interface Fit {
  readonly points: number;
  readonly limitedBy?: CounterRef;
}

/**
 * The counters' values as read, plus what this evaluation has already taken, so that two awards
 * on the same counter (both sides of a referral on one budget) never overdraw it together.
 */
export class CounterTally {
  private readonly taken = new Map<string, CounterIncrement>();

  constructor(private readonly usage: CounterUsage) {}

  /** The part of `points` every counter allows: points counters give what is left, times counters all or nothing. */
  fit(points: number, refs: readonly CounterRef[]): Fit {
    let fit: Fit = { points };
    for (const ref of refs) {
      const left = this.left(ref);
      const allowed = ref.unit === 'points' ? Math.min(fit.points, left) : left >= 1 ? fit.points : 0;
      if (allowed < fit.points) fit = { points: allowed, limitedBy: ref };
    }
    return fit;
  }

  take(points: number, refs: readonly CounterRef[]): void {
    if (points <= 0) return;
    for (const ref of refs) {
      const increment = (this.taken.get(ref.counterId)?.increment ?? 0) + (ref.unit === 'points' ? points : 1);
      this.taken.set(ref.counterId, { counterId: ref.counterId, increment, limit: ref.limit });
    }
  }

  increments(): CounterIncrement[] {
    return [...this.taken.values()].sort((a, b) => compareText(a.counterId, b.counterId));
  }

  private left(ref: CounterRef): number {
    const used = (this.usage.get(ref.counterId) ?? 0) + (this.taken.get(ref.counterId)?.increment ?? 0);
    return Math.max(0, ref.limit - used);
  }
}
