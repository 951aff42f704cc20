import { credit } from '../ledger/credit';
import { debit } from '../ledger/debit';
import { PointsLedger, PostingOutcome } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { newId } from '../shared/ids';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { PointsChangeError, PointsChangeInput } from './redeem-points';

/**
 * Use case: a manual correction by staff, recorded with its actor and reason. A credit opens a lot
 * like earned points (and expires like them); a debit never takes the balance below zero.
 */
export class AdjustPoints {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly programs: ProgramSettingsReader,
  ) {}

  async execute(input: PointsChangeInput): Promise<Result<PostingOutcome, PointsChangeError>> {
    if (!Number.isSafeInteger(input.points) || input.points === 0) {
      return err(new ValidationError('points must be a non-zero whole number', { points: input.points }));
    }
    if (input.reason.trim() === '') return err(new ValidationError('A reason is required', { field: 'reason' }));
    const program = await this.programs.getProgram(input.tenantId);
    const adjustmentId = input.idempotencyKey ?? newId('txn');
    const common = {
      tenantId: input.tenantId,
      userId: input.userId,
      type: 'adjusted' as const,
      reason: input.reason,
      source: { kind: 'manual' as const, id: adjustmentId },
      actor: input.actor,
    };
    return this.ledger.post({
      tenantId: input.tenantId,
      userId: input.userId,
      idempotencyKey: `adjust#${input.userId}#${adjustmentId}`,
      requestHash: fingerprint({ userId: input.userId, points: input.points, reason: input.reason }),
      plan: (state, context) =>
        input.points > 0
          ? ok(credit(state.account, { ...common, points: input.points }, context, program))
          : debit(state.account, { ...common, points: -input.points }, context, program),
    });
  }
}
