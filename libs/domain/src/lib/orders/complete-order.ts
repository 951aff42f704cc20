import { credit } from '../ledger/credit';
import { EntryLine, LedgerEntry } from '../ledger/ledger-entry';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint, PostingRequest } from '../ledger/posting';
import { pointsForPurchase } from '../points/earn-rule';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { DateTime } from 'luxon';
import { OrderCompleted } from './order-completed';
import { parseOrder } from './order-input';
import { OrderRecord } from './order-record';

export interface OrderPosting {
  readonly order: OrderRecord;
  /** Absent when the change had no effect on points or order (e.g. cancelling a cancelled order). */
  readonly entry?: LedgerEntry;
  /** True when this exact request had been applied before: nothing new was written. */
  readonly duplicate: boolean;
}

/**
 * Use case: a completed order is recorded and credits its customer once, however often it is
 * delivered (event or `POST /orders`); pending while the tenant's return window runs.
 */
export class CompleteOrder {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly programs: ProgramSettingsReader,
  ) {}

  async execute(
    input: OrderCompleted,
  ): Promise<Result<OrderPosting, ValidationError | IdempotencyConflictError>> {
    const parsed = parseOrder(input);
    if (!parsed.ok) return parsed;
    const program = await this.programs.getProgram(input.tenantId);
    const { amount, amountMinor, items } = parsed.value;
    const points = pointsForPurchase(amount, program.earnRule);
    const { earnRule } = program;
    const lines: EntryLine[] = [
      { kind: 'base', points, reason: `${earnRule.points} point(s) per ${earnRule.perAmount} ${amount.currency}` },
    ];
    const request: PostingRequest<IdempotencyConflictError> = {
      tenantId: input.tenantId,
      userId: input.userId,
      orderId: input.orderId,
      idempotencyKey: `order#${input.orderId}#completed`,
      requestHash: fingerprint({
        userId: input.userId,
        currency: amount.currency,
        amountMinor,
        items,
        channel: input.channel,
      }),
      plan: (state, context) => {
        if (state.order) {
          return err(new IdempotencyConflictError(`Order ${input.orderId} already exists`, { orderId: input.orderId }));
        }
        const createdAt = context.now.toISOString();
        const pendingUntil =
          program.pendingDays > 0
            ? DateTime.fromJSDate(context.now, { zone: program.timeZone }).plus({ days: program.pendingDays }).toUTC().toISO() ?? undefined
            : undefined;
        const posted = credit(
          state.account,
          {
            tenantId: input.tenantId,
            userId: input.userId,
            type: 'earned',
            points,
            reason: `Purchase ${input.orderId}`,
            source: { kind: 'order', id: input.orderId },
            orderId: input.orderId,
            lines,
            pendingUntil,
          },
          context,
          program,
        );
        const order: OrderRecord = {
          tenantId: input.tenantId,
          orderId: input.orderId,
          userId: input.userId,
          currency: amount.currency,
          amountMinor,
          items,
          ...(input.channel !== undefined && { channel: input.channel }),
          status: 'completed',
          pointsEarned: points,
          pointsReversed: 0,
          refundedMinor: 0,
          refundedItems: {},
          earnEntryId: context.entryId,
          lines,
          createdAt,
          updatedAt: createdAt,
          version: 1,
        };
        return ok({ ...posted, order });
      },
    };
    const posted = await this.ledger.post(request);
    if (!posted.ok) return posted;
    const { order, entry, duplicate } = posted.value;
    if (!order) return err(new ValidationError(`Order ${input.orderId} was not recorded`));
    return ok({ order, entry, duplicate });
  }
}
