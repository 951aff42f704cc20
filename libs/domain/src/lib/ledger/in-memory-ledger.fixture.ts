import { OrderRecord } from '../orders/order-record';
import { DEFAULT_PROGRAM, ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { DomainError } from '../shared/domain-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { err, ok, Result } from '../shared/result';
import { LedgerEntry } from './ledger-entry';
import { PointsAccount } from './points-account';
import { PointsLedger, PostingOutcome } from './points-ledger';
import { PostingRequest } from './posting';

/**
 * The ledger's posting rules over plain maps, for unit and property tests of the use cases. It keeps
 * the same contract as the DynamoDB ledger (plan on current state, idempotent by key); persistence
 * itself is tested against DynamoDB Local.
 */
export class InMemoryLedger implements PointsLedger {
  readonly accounts = new Map<string, PointsAccount>();
  readonly entries: LedgerEntry[] = [];
  readonly orders = new Map<string, OrderRecord>();
  readonly counters = new Map<string, number>();
  private readonly records = new Map<string, { requestHash: string; outcome: PostingOutcome }>();
  private sequence = 0;

  constructor(public now: Date = new Date('2026-11-21T10:00:00.000Z')) {}

  async post<E extends DomainError>(request: PostingRequest<E>): Promise<Result<PostingOutcome, E | IdempotencyConflictError>> {
    const key = `${request.tenantId}#${request.idempotencyKey}`;
    const first = this.records.get(key);
    if (first) {
      return first.requestHash === request.requestHash
        ? ok({ ...first.outcome, duplicate: true })
        : err(new IdempotencyConflictError(`${request.idempotencyKey} was already applied with a different payload`));
    }
    const account = this.accounts.get(`${request.tenantId}#${request.userId}`);
    const order = request.orderId ? this.orders.get(`${request.tenantId}#${request.orderId}`) : undefined;
    this.sequence += 1;
    const counterIds = request.countersFor?.({ account, order }) ?? [];
    const counters = new Map(counterIds.map((id) => [id, this.counters.get(`${request.tenantId}#${id}`) ?? 0]));
    const planned = request.plan({ account, order, counters }, { entryId: `txn_${String(this.sequence).padStart(6, '0')}`, now: this.now });
    if (!planned.ok) return planned;
    if (!planned.value) return ok({ order, duplicate: false });
    const { entry, account: next, order: nextOrder, counters: increments = [] } = planned.value;
    for (const { counterId, increment, limit } of increments) {
      const key = `${request.tenantId}#${counterId}`;
      const used = (this.counters.get(key) ?? 0) + increment;
      if (used > limit) throw new Error(`counter ${counterId} would pass its limit`);
      this.counters.set(key, used);
    }
    this.accounts.set(`${request.tenantId}#${request.userId}`, next);
    this.entries.push(entry);
    if (nextOrder) this.orders.set(`${nextOrder.tenantId}#${nextOrder.orderId}`, nextOrder);
    const outcome = { entry, order: nextOrder, duplicate: false };
    this.records.set(key, { requestHash: request.requestHash, outcome });
    return ok(outcome);
  }

  async getAccount(tenantId: string, userId: string): Promise<PointsAccount | undefined> {
    return this.account(tenantId, userId);
  }

  async readCounters(tenantId: string, counterIds: readonly string[]) {
    return new Map(counterIds.map((id) => [id, this.counters.get(`${tenantId}#${id}`) ?? 0]));
  }

  account(tenantId: string, userId: string): PointsAccount | undefined {
    return this.accounts.get(`${tenantId}#${userId}`);
  }

  entriesOf(tenantId: string, userId: string): LedgerEntry[] {
    return this.entries.filter((entry) => entry.tenantId === tenantId && entry.userId === userId);
  }

  async getOrder(tenantId: string, orderId: string) {
    return this.orders.get(`${tenantId}#${orderId}`);
  }

  async listOrders() {
    return { items: [...this.orders.values()] };
  }
}

export const fixedProgram = (program: Partial<ProgramSettings> = {}): ProgramSettingsReader => ({
  getProgram: async () => ({ ...DEFAULT_PROGRAM, ...program }),
});
