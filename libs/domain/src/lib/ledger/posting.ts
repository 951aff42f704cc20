import { createHash } from 'node:crypto';
import type { CounterIncrement } from '../campaigns/earn-evaluation';
import type { CounterUsage } from '../campaigns/earning-input';
import type { OrderRecord } from '../orders/order-record';
import type { ProgramSettings } from '../program/program-settings';
import { DomainError } from '../shared/domain-error';
import { Result } from '../shared/result';
import { EntryActor, EntryLine, EntrySource, LedgerEntry, LedgerEntryType, LotMovement } from './ledger-entry';
import { PointsAccount } from './points-account';
import { PointsLot } from './points-lot';
import { AccountStats, NO_STATS } from './account-stats';
import { withNextDueAt } from './due-work';
import { reviewTier } from './tier-review';
import { addTotals, TotalsChange, totalsOf, ZERO_TOTALS } from './totals';

/** What a posting is planned from: the account (absent before its first entry) and, for order postings, the order. */
export interface LedgerState {
  readonly account?: PointsAccount;
  readonly order?: OrderRecord;
  /** Current values of the limit counters the request named (absent: never written). */
  readonly counters: CounterUsage;
}

/** Supplied by the ledger for each attempt: the new entry's id and the time of the attempt. */
export interface PlanContext {
  readonly entryId: string;
  readonly now: Date;
}

/** Everything one posting writes, in one transaction. */
export interface PostingPlan {
  readonly entry: LedgerEntry;
  readonly account: PointsAccount;
  readonly order?: OrderRecord;
  readonly counters?: readonly CounterIncrement[];
}

/**
 * A request to move points. `idempotencyKey` is the business identity of the effect (tenant-scoped,
 * never a transport id) and `requestHash` fingerprints its payload: the same key with another payload
 * is a conflict, not a repeat. `plan` is pure; the ledger calls it again with fresh state whenever a
 * concurrent writer got there first. It returns undefined when there is nothing to post.
 */
export interface PostingRequest<E extends DomainError = DomainError> {
  readonly tenantId: string;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  /** Read the order with the account and write it in the same transaction. */
  readonly orderId?: string;
  /** Limit counters (campaign budgets, caps) to read for the plan, given the account and order. */
  countersFor?(state: Omit<LedgerState, 'counters'>): readonly string[];
  plan(state: LedgerState, context: PlanContext): Result<PostingPlan | undefined, E>;
}

/** Stable fingerprint of a payload: key order does not matter, every value does. */
export function fingerprint(payload: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(typeof value === 'bigint' ? value.toString() : value);
}

/** One entry as it changes the account. */
export interface EntrySpec {
  readonly type: LedgerEntryType;
  readonly points: number;
  readonly changes: Partial<TotalsChange>;
  readonly lots: readonly PointsLot[];
  readonly movements: readonly LotMovement[];
  readonly reason: string;
  readonly source: EntrySource;
  readonly lines?: readonly EntryLine[];
  readonly actor?: EntryActor;
  readonly uncollected?: number;
  /** The account's order statistics after this entry, when it changes them. */
  readonly stats?: AccountStats;
}

/** The entry and the account it leaves, for the account (or a new one) of `owner`. */
export function recordEntry(
  owner: { readonly tenantId: string; readonly userId: string },
  current: PointsAccount | undefined,
  spec: EntrySpec,
  context: PlanContext,
  program: ProgramSettings,
): { entry: LedgerEntry; account: PointsAccount } {
  const changes = { ...ZERO_TOTALS, ...spec.changes };
  const totals = addTotals(current ? totalsOf(current) : ZERO_TOTALS, changes);
  const createdAt = context.now.toISOString();
  const version = (current?.version ?? 0) + 1;
  const tier = reviewTier(owner, totals, spec.stats ?? current?.stats ?? NO_STATS, program, context.now);
  const entry: LedgerEntry = {
    entryId: context.entryId,
    sequence: version,
    tenantId: owner.tenantId,
    userId: owner.userId,
    type: spec.type,
    points: spec.points,
    balanceAfter: totals.available,
    pendingAfter: totals.pending,
    changes,
    reason: spec.reason,
    source: spec.source,
    lots: spec.movements,
    ...(spec.lines && { lines: spec.lines }),
    ...(spec.actor && { actor: spec.actor }),
    ...(spec.uncollected && { uncollected: spec.uncollected }),
    ...(tier.changed && { tierChanged: tier.changed }),
    createdAt,
  };
  const account: PointsAccount = {
    tenantId: owner.tenantId,
    userId: owner.userId,
    ...totals,
    lots: spec.lots,
    stats: tier.stats,
    version,
    updatedAt: createdAt,
  };
  return { entry, account: withNextDueAt(account, program.expiringSoonDays) };
}
