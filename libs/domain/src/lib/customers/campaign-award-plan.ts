import { EarnEvaluation } from '../campaigns/earn-evaluation';
import { credit } from '../ledger/credit';
import { PointsAccount } from '../ledger/points-account';
import { PlanContext, PostingPlan } from '../ledger/posting';
import { ProgramSettings } from '../program/program-settings';
import { ok, Result } from '../shared/result';

/**
 * The posting of a campaign award outside an order (signup bonus, birthday treat): the evaluated
 * points as an earning with its lines, and the limit counters it raises; nothing when it gives none.
 */
export function campaignAwardPlan(
  owner: { tenantId: string; userId: string },
  account: PointsAccount | undefined,
  evaluation: EarnEvaluation,
  reason: string,
  context: PlanContext,
  program: ProgramSettings,
): Result<PostingPlan | undefined, never> {
  if (evaluation.points === 0) return ok(undefined);
  const posted = credit(
    account,
    {
      ...owner,
      type: 'earned',
      points: evaluation.points,
      reason,
      source: { kind: 'campaign', id: evaluation.lines[0]?.campaignId ?? reason },
      lines: evaluation.lines,
    },
    context,
    program,
  );
  return ok({ ...posted, counters: evaluation.counters });
}
