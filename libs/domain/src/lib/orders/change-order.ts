import { NO_STATS, recordSpend } from '../ledger/account-stats';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint, PostingRequest } from '../ledger/posting';
import { reverse } from '../ledger/reversal';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { moneyToDecimal, moneyFromDecimal } from '../shared/money';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { OrderPosting } from './complete-order';
import { OrderChange } from './order-change';
import { safeMinor } from './order-input';
import { OrderReader } from './order-reader';
import { planRefund, RefundRequest } from './refund-math';

export interface OrderChangeInput {
  readonly tenantId: string;
  readonly orderId: string;
  readonly change: OrderChange;
  /**
   * Identity of this refund (event id, refund id or Idempotency-Key). Without one, a partial refund
   * is identified by its content, so a retried request can never take points back twice.
   */
  readonly refundId?: string;
}

type ChangeError = ValidationError | NotFoundError | IdempotencyConflictError;

/**
 * Use case: refunds and cancellations take back the points an order earned, in proportion to the
 * money refunded and never more than it earned (see planRefund), by events and `PATCH /orders` alike.
 */
export class ChangeOrder {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly orders: OrderReader,
    private readonly programs: ProgramSettingsReader,
  ) {}

  async execute(input: OrderChangeInput): Promise<Result<OrderPosting, ChangeError>> {
    const known = await this.orders.getOrder(input.tenantId, input.orderId);
    if (!known) return err(notFound(input.orderId));
    const refund = refundRequest(input.change, known.currency);
    if (!refund.ok) return refund;
    const program = await this.programs.getProgram(input.tenantId);
    const request: PostingRequest<ChangeError> = {
      tenantId: input.tenantId,
      userId: known.userId,
      orderId: input.orderId,
      idempotencyKey: idempotencyKey(input),
      requestHash: fingerprint({ change: input.change }),
      plan: (state, context) => {
        const order = state.order;
        if (!order) return err(notFound(input.orderId));
        if (order.status === 'cancelled' || order.status === 'refunded') return ok(undefined);
        const outcome = planRefund(order, refund.value);
        if (!outcome.ok) return outcome;
        const { refundMinor, refundedMinor, refundedItems, pointsToReverse, status } = outcome.value;
        const posted = reverse(
          state.account,
          {
            tenantId: order.tenantId,
            userId: order.userId,
            orderId: order.orderId,
            points: pointsToReverse,
            reason: `${status === 'cancelled' ? 'Cancellation' : 'Refund'} of ${moneyToDecimal({ minor: BigInt(refundMinor), currency: order.currency })} ${order.currency} on ${order.orderId}`,
            source: { kind: 'order', id: order.orderId },
            policy: program.reversalPolicy,
            // Refunded money no longer counts as spend, in the month the order was made.
            stats: recordSpend(state.account?.stats ?? NO_STATS, {
              completed: 0,
              spendMinor: -refundMinor,
              currency: order.currency,
              at: new Date(order.createdAt),
              timeZone: program.timeZone,
            }),
          },
          context,
          program,
        );
        return ok({
          ...posted,
          order: {
            ...order,
            status,
            refundedMinor,
            refundedItems,
            pointsReversed: order.pointsReversed + pointsToReverse,
            updatedAt: context.now.toISOString(),
            version: order.version + 1,
          },
        });
      },
    };
    const posted = await this.ledger.post(request);
    if (!posted.ok) return posted;
    const { order = known, entry, duplicate } = posted.value;
    return ok({ order, entry, duplicate });
  }
}

function refundRequest(change: OrderChange, currency: string): Result<RefundRequest, ValidationError> {
  switch (change.kind) {
    case 'refund_amount': {
      const amount = moneyFromDecimal(change.amount, currency);
      if (!amount.ok) return amount;
      const minor = safeMinor(amount.value.minor, 'refundAmount');
      return minor.ok ? ok({ kind: 'amount', minor: minor.value }) : minor;
    }
    case 'refund_items':
      return ok({ kind: 'items', items: change.items });
    case 'refund_all':
      return ok({ kind: 'all' });
    case 'cancel':
      return ok({ kind: 'cancel' });
  }
}

/** Whole refunds and cancellations happen once per order by nature; partial ones by their identity. */
function idempotencyKey({ orderId, change, refundId }: OrderChangeInput): string {
  switch (change.kind) {
    case 'cancel':
      return `order#${orderId}#cancelled`;
    case 'refund_all':
      return `order#${orderId}#refunded`;
    default:
      return `order#${orderId}#refund#${refundId ?? fingerprint({ change })}`;
  }
}

const notFound = (orderId: string) => new NotFoundError(`Order ${orderId} not found`, { orderId });
