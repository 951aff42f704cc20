import { debit } from '../ledger/debit';
import { EntryActor } from '../ledger/ledger-entry';
import { PointsLedger, PostingOutcome } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { newId } from '../shared/ids';
import { InsufficientPointsError } from '../shared/insufficient-points-error';
import { err, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';

export interface PointsChangeInput {
  readonly tenantId: string;
  readonly userId: string;
  readonly points: number;
  readonly reason: string;
  readonly actor: EntryActor;
  /** The client's Idempotency-Key; without one every request is a new change. */
  readonly idempotencyKey?: string;
}

export type PointsChangeError = ValidationError | InsufficientPointsError | IdempotencyConflictError;

/** Use case: spends points; never below zero, however many redemptions race (the ledger re-plans on every lost race). */
export class RedeemPoints {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly programs: ProgramSettingsReader,
  ) {}

  async execute(input: PointsChangeInput): Promise<Result<PostingOutcome, PointsChangeError>> {
    if (!Number.isSafeInteger(input.points) || input.points <= 0) {
      return err(new ValidationError('points must be a positive whole number', { points: input.points }));
    }
    const program = await this.programs.getProgram(input.tenantId);
    const redemptionId = newId('txn');
    return this.ledger.post({
      tenantId: input.tenantId,
      userId: input.userId,
      idempotencyKey: `redeem#${input.userId}#${input.idempotencyKey ?? redemptionId}`,
      requestHash: fingerprint({ userId: input.userId, points: input.points, reason: input.reason }),
      plan: (state, context) =>
        debit(
          state.account,
          {
            tenantId: input.tenantId,
            userId: input.userId,
            type: 'redeemed',
            points: input.points,
            reason: input.reason,
            source: { kind: 'redemption', id: input.idempotencyKey ?? redemptionId },
            actor: input.actor,
          },
          context,
          program,
        ),
    });
  }
}
