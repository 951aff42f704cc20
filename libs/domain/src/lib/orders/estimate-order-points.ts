import { EarnLine, SkippedCampaign } from '../campaigns/earn-evaluation';
import { LimitCounterReader } from '../campaigns/limit-counter-reader';
import { PointsAccountReader } from '../ledger/points-account-reader';
import { Result, ok } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { EarningSources } from './complete-order';
import { OrderCompleted } from './order-completed';
import { OrderEarningContext } from './order-earning';
import { parseOrder } from './order-input';

export interface PointsEstimate {
  readonly points: number;
  readonly lines: readonly EarnLine[];
  /** Campaigns whose conditions held but that would give nothing now (cap or budget reached). */
  readonly skipped: readonly SkippedCampaign[];
  /** True when the tenant holds earned points back for a return window. */
  readonly pending: boolean;
}

/**
 * Use case: what an order would earn now, line by line, without writing anything. It evaluates
 * exactly as CompleteOrder does, on the same account and counters, so the real order earns this
 * unless something changes in between (another order, a campaign edit, a budget running out).
 */
export class EstimateOrderPoints {
  constructor(
    private readonly accounts: PointsAccountReader,
    private readonly counters: LimitCounterReader,
    private readonly sources: EarningSources,
  ) {}

  async execute(input: OrderCompleted, at: Date = new Date()): Promise<Result<PointsEstimate, ValidationError>> {
    const parsed = parseOrder(input);
    if (!parsed.ok) return parsed;
    const [earning, account] = await Promise.all([
      OrderEarningContext.load(input, parsed.value, at, this.sources),
      this.accounts.getAccount(input.tenantId, input.userId),
    ]);
    const usage = await this.counters.readCounters(input.tenantId, earning.countersFor(account));
    const { points, lines, skipped } = earning.evaluate(account, usage);
    return ok({ points, lines, skipped, pending: earning.program.pendingDays > 0 });
  }
}
