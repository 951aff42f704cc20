import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint, Posting } from '../ledger/posting';
import { DEFAULT_EARN_RULE, EarnRule, pointsForPurchase } from '../points/earn-rule';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { moneyFromDecimal } from '../shared/money';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { OrderCompleted } from './order-completed';

export interface OrderCredit {
  readonly orderId: string;
  readonly userId: string;
  readonly points: number;
  readonly entryId: string;
  readonly balanceAfter: number;
  /** True when this order had already been credited: nothing new was written. */
  readonly duplicate: boolean;
}

/** Use case: a completed order credits its customer once, however often it is delivered. */
export class CreditOrderPoints {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly earnRule: EarnRule = DEFAULT_EARN_RULE,
  ) {}

  async execute(
    order: OrderCompleted,
  ): Promise<Result<OrderCredit, ValidationError | IdempotencyConflictError>> {
    const spent = moneyFromDecimal(order.amount, order.currency);
    if (!spent.ok) return spent;

    const points = pointsForPurchase(spent.value, this.earnRule);
    const posting: Posting = {
      tenantId: order.tenantId,
      userId: order.userId,
      idempotencyKey: `order#${order.orderId}#earned`,
      requestHash: fingerprint({
        userId: order.userId,
        currency: spent.value.currency,
        amountMinor: spent.value.minor.toString(),
      }),
      type: 'earned',
      points,
      reason: `Purchase ${order.orderId}`,
      source: { kind: 'order', id: order.orderId },
    };

    const posted = await this.ledger.post(posting);
    if (!posted.ok) return err(posted.error);
    const { entry, duplicate } = posted.value;
    return ok({
      orderId: order.orderId,
      userId: order.userId,
      points: entry.points,
      entryId: entry.entryId,
      balanceAfter: entry.balanceAfter,
      duplicate,
    });
  }
}
