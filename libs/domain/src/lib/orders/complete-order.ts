import { DateTime } from 'luxon';
import { CampaignReader } from '../campaigns/campaign-repository';
import { ReferralAward } from '../campaigns/earn-evaluation';
import { CustomerProfileReader } from '../customers/customer-profile-reader';
import { NO_STATS, recordSpend } from '../ledger/account-stats';
import { credit } from '../ledger/credit';
import { LedgerEntry } from '../ledger/ledger-entry';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint, PostingRequest } from '../ledger/posting';
import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { OrderCompleted } from './order-completed';
import { OrderEarningContext } from './order-earning';
import { parseOrder } from './order-input';
import { OrderRecord } from './order-record';

export interface OrderPosting {
  readonly order: OrderRecord;
  /** Absent when the change had no effect on points or order (e.g. cancelling a cancelled order). */
  readonly entry?: LedgerEntry;
  /** True when this exact request had been applied before: nothing new was written. */
  readonly duplicate: boolean;
  /** Entries this posting caused on other accounts (referrers). */
  readonly related?: readonly LedgerEntry[];
}

/**
 * What makes a second completion of an order id a repeat (the first result, no second effect)
 * rather than a conflict:
 * - `order` (the business identity): the same user, amount and currency, whatever the items and
 *   channel say, so the same order from two sources (a platform event and a provider webhook) is
 *   applied once;
 * - `request`: a client's retry under one Idempotency-Key, which must be the same request.
 */
export type OrderIdentity = 'order' | 'request';

export interface EarningSources {
  readonly programs: ProgramSettingsReader;
  readonly campaigns: CampaignReader;
  readonly customers?: CustomerProfileReader;
}

/**
 * Use case: a completed order is recorded and credits its customer once, however often and from
 * wherever it is delivered (events, webhooks, `POST /orders`): base points, tier bonus and campaigns, line by line, with
 * campaign budgets and caps raised in the same transaction; pending while a return window runs.
 */
export class CompleteOrder {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly sources: EarningSources,
  ) {}

  async execute(
    input: OrderCompleted,
    occurredAt: Date = new Date(),
    identity: OrderIdentity = 'order',
  ): Promise<Result<OrderPosting, ValidationError | IdempotencyConflictError>> {
    const parsed = parseOrder(input);
    if (!parsed.ok) return parsed;
    const earning = await OrderEarningContext.load(input, parsed.value, occurredAt, this.sources);
    const { program } = earning;
    const { amount, amountMinor, items } = parsed.value;
    const request: PostingRequest<IdempotencyConflictError> = {
      tenantId: input.tenantId,
      userId: input.userId,
      orderId: input.orderId,
      idempotencyKey: `order#${input.orderId}#completed`,
      requestHash: fingerprint({
        userId: input.userId,
        currency: amount.currency,
        amountMinor,
        ...(identity === 'request' && { items, channel: input.channel }),
      }),
      countersFor: (state) => earning.countersFor(state.account),
      plan: (state, context) => {
        if (state.order) {
          return err(new IdempotencyConflictError(`Order ${input.orderId} already exists`, { orderId: input.orderId }));
        }
        const evaluation = earning.evaluate(state.account, state.counters);
        const posted = credit(
          state.account,
          {
            tenantId: input.tenantId,
            userId: input.userId,
            type: 'earned',
            points: evaluation.points,
            reason: `Purchase ${input.orderId}`,
            source: { kind: 'order', id: input.orderId },
            orderId: input.orderId,
            lines: evaluation.lines,
            pendingUntil: pendingUntil(program, context.now),
            stats: recordSpend(state.account?.stats ?? NO_STATS, {
              completed: 1,
              spendMinor: amountMinor,
              currency: amount.currency,
              at: occurredAt,
              timeZone: program.timeZone,
            }),
          },
          context,
          program,
        );
        const createdAt = context.now.toISOString();
        const order: OrderRecord = {
          tenantId: input.tenantId,
          orderId: input.orderId,
          userId: input.userId,
          currency: amount.currency,
          amountMinor,
          items,
          ...(input.channel !== undefined && { channel: input.channel }),
          status: 'completed',
          pointsEarned: evaluation.points,
          pointsReversed: 0,
          refundedMinor: 0,
          refundedItems: {},
          earnEntryId: context.entryId,
          lines: evaluation.lines,
          ...(evaluation.referrals.length > 0 && { referrals: evaluation.referrals }),
          createdAt,
          updatedAt: createdAt,
          version: 1,
        };
        return ok({ ...posted, order, counters: evaluation.counters });
      },
    };
    const posted = await this.ledger.post(request);
    if (!posted.ok) return posted;
    const { order, entry, duplicate } = posted.value;
    if (!order) return err(new ValidationError(`Order ${input.orderId} was not recorded`));
    // Also after a repeat: the first delivery may have stopped before crediting the referrer.
    const related = await this.creditReferrers(order, program);
    return ok({ order, entry, duplicate, ...(related.length > 0 && { related }) });
  }

  /** The referrer's side of a referral, keyed on the order so that it is posted once. */
  private async creditReferrers(order: OrderRecord, program: ProgramSettings): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    for (const award of order.referrals ?? []) {
      const posted = await this.ledger.post<never>({
        tenantId: order.tenantId,
        userId: award.userId,
        idempotencyKey: `order#${order.orderId}#referral#${award.userId}`,
        requestHash: fingerprint({ award }),
        plan: (state, context) => ok(credit(state.account, referralCredit(order, award), context, program)),
      });
      if (posted.ok && posted.value.entry) entries.push(posted.value.entry);
    }
    return entries;
  }
}

function referralCredit(order: OrderRecord, award: ReferralAward) {
  return {
    tenantId: order.tenantId,
    userId: award.userId,
    type: 'earned' as const,
    points: award.points,
    reason: award.line.reason,
    source: { kind: 'campaign' as const, id: award.line.campaignId ?? order.orderId },
    lines: [award.line],
  };
}

function pendingUntil(program: ProgramSettings, now: Date): string | undefined {
  if (program.pendingDays === 0) return undefined;
  return DateTime.fromJSDate(now, { zone: program.timeZone }).plus({ days: program.pendingDays }).toUTC().toISO() ?? undefined;
}
