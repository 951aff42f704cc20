import { Campaign } from './campaign';
import { Candidate, candidateFor, Occasion } from './campaign-awards';
import { CounterTally, Fit } from './counter-tally';
import { EarnEvaluation, EarnLine, ReferralAward, SkippedCampaign } from './earn-evaluation';
import {
  BirthdayEarningInput,
  CounterUsage,
  CustomerFacts,
  EarningInput,
  LimitCounterQuery,
  OrderEarningInput,
  OrderFacts,
  SignupEarningInput,
} from './earning-input';
import { CounterRef } from './limit-counters';
import { pointsForPurchase } from '../points/earn-rule';
import { formatMultiplier, multiplierBonus } from '../points/multiplier-bonus';
import { ProgramSettings, tierSettingsOf } from '../program/program-settings';
import { compareText } from '../shared/compare-text';
import { tierLevel } from '../tiers/tier-standing';

/** Points for a completed order: base, tier bonus, then campaigns (see README.md beside this file). */
export function evaluateOrder(input: OrderEarningInput): EarnEvaluation {
  return evaluate(input, occasionOf(input));
}

/** Points for `user.created`: the signup bonus campaigns. */
export function evaluateSignup(input: SignupEarningInput): EarnEvaluation {
  return evaluate(input, occasionOf(input));
}

/**
 * Points for the daily birthday run: a scheduled job evaluates, on each day, the customers whose
 * birthday it is in the tenant's time zone; the per-year counter keeps it to once a year.
 */
export function evaluateBirthday(input: BirthdayEarningInput): EarnEvaluation {
  return evaluate(input, occasionOf(input));
}

/** Phase one: the counters whose current values the caller reads before evaluating (sorted, distinct). */
export function limitCountersFor(query: LimitCounterQuery): string[] {
  const ids = candidatesFor(query, occasionOf(query)).flatMap((candidate) =>
    candidate.awards.flatMap((award) => award.refs.map((ref) => ref.counterId)),
  );
  return [...new Set(ids)].sort(compareText);
}

function occasionOf(query: LimitCounterQuery): Occasion {
  if ('order' in query) {
    const { order } = query;
    return { trigger: 'order', at: order.occurredAt, channel: order.channel, order };
  }
  if ('signup' in query) return { trigger: 'signup', at: query.signup.occurredAt, channel: query.signup.channel };
  return { trigger: 'birthday', at: query.birthday.at };
}

/** Applying candidates in priority order (higher first, then campaign id), whatever order the caller listed them in. */
function candidatesFor(query: LimitCounterQuery, occasion: Occasion): Candidate[] {
  return [...query.campaigns]
    .sort((a, b) => b.priority - a.priority || compareText(a.campaignId, b.campaignId))
    .flatMap((campaign) => candidateFor(campaign, query, occasion) ?? []);
}

function evaluate(input: EarningInput, occasion: Occasion): EarnEvaluation {
  const selection = applyExclusivity(candidatesFor(input, occasion), input.usage);
  const awarded = applyLimits(selection.applied, input.usage);
  const programPart =
    occasion.order === undefined ? [] : programLines(input.program, input.customer, occasion.order);
  // Multipliers act on base points only, so listing them before the bonuses is presentation, not arithmetic.
  const lines = [
    ...programPart,
    ...awarded.lines.filter((line) => line.kind === 'purchase_multiplier'),
    ...awarded.lines.filter((line) => line.kind !== 'purchase_multiplier'),
  ];
  return {
    points: lines.reduce((sum, line) => sum + line.points, 0),
    lines,
    counters: awarded.counters,
    referrals: awarded.referrals,
    skipped: [...selection.skipped, ...awarded.skipped],
  };
}

/** Drops what an exclusive winner shuts out, and refused candidates, saying why in `skipped`. */
function applyExclusivity(
  candidates: readonly Candidate[],
  usage: CounterUsage,
): { applied: Candidate[]; skipped: SkippedCampaign[] } {
  const winner = bestExclusive(candidates, usage);
  const applied: Candidate[] = [];
  const skipped: SkippedCampaign[] = [];
  for (const candidate of candidates) {
    const { campaign, refusal } = candidate;
    const shutOut = winner !== undefined && candidate !== winner;
    if (refusal !== undefined) skipped.push(skip(campaign, refusal));
    else if (shutOut) skipped.push(skip(campaign, `the exclusive campaign "${winner.campaign.name}" applies instead`));
    else applied.push(candidate);
  }
  return { applied, skipped };
}

/** Awards what each counter allows, in precedence order, so that no counter is overdrawn. */
function applyLimits(candidates: readonly Candidate[], usage: CounterUsage) {
  const tally = new CounterTally(usage);
  const lines: EarnLine[] = [];
  const referrals: ReferralAward[] = [];
  const skipped: SkippedCampaign[] = [];
  for (const { campaign, awards } of candidates) {
    for (const award of awards) {
      const fit = tally.fit(award.points, award.refs);
      if (fit.points === 0) {
        skipped.push(skip(campaign, exhausted(fit, award.side)));
        continue;
      }
      tally.take(fit.points, award.refs);
      const reason =
        fit.points < award.points
          ? `${award.reason}: ${fit.points} of ${award.points} points, ${shortfall(fit)}`
          : award.reason;
      const line: EarnLine = {
        campaignId: campaign.campaignId,
        kind: campaign.reward.kind,
        points: fit.points,
        reason,
      };
      if (award.side === 'customer') lines.push(line);
      else referrals.push({ userId: award.userId, points: fit.points, line });
    }
  }
  return { lines, referrals, skipped, counters: tally.increments() };
}

function skip(campaign: Campaign, reason: string): SkippedCampaign {
  return { campaignId: campaign.campaignId, kind: campaign.reward.kind, reason };
}

/**
 * The exclusive candidate giving the customer the most points within its limits (then the most
 * points in all, then precedence); none when every exclusive candidate is limited to nothing.
 */
function bestExclusive(candidates: readonly Candidate[], usage: CounterUsage): Candidate | undefined {
  let best: { candidate: Candidate; customer: number; total: number } | undefined;
  for (const candidate of candidates.filter((each) => each.campaign.exclusive)) {
    const tally = new CounterTally(usage);
    let customer = 0;
    let total = 0;
    for (const award of candidate.awards) {
      const { points } = tally.fit(award.points, award.refs);
      tally.take(points, award.refs);
      total += points;
      if (award.side === 'customer') customer += points;
    }
    const better =
      best === undefined ? total > 0 : customer > best.customer || (customer === best.customer && total > best.total);
    if (better) best = { candidate, customer, total };
  }
  return best?.candidate;
}

/** Base points of the program's earn rule and the tier's bonus on them. */
function programLines(program: ProgramSettings, customer: CustomerFacts, order: OrderFacts): EarnLine[] {
  const { earnRule } = program;
  const base = pointsForPurchase(order.amount, earnRule);
  const level = tierLevel(tierSettingsOf(program), customer.tier);
  const tierBonus = level === undefined ? 0 : multiplierBonus(base, level.earnMultiplier);
  const lines: EarnLine[] = [];
  if (base > 0) {
    const unit = earnRule.points === 1 ? 'point' : 'points';
    lines.push({
      kind: 'base',
      points: base,
      reason: `${earnRule.points} ${unit} per ${earnRule.perAmount} ${order.amount.currency} spent`,
    });
  }
  if (level !== undefined && tierBonus > 0) {
    lines.push({
      kind: 'tier',
      points: tierBonus,
      reason: `${formatMultiplier(level.earnMultiplier)} base points for ${level.id} tier`,
    });
  }
  return lines;
}

function exhausted(fit: Fit, side: 'customer' | 'referrer'): string {
  const who = side === 'referrer' ? "the referrer's " : '';
  return fit.limitedBy?.scope === 'budget'
    ? 'the campaign budget is spent'
    : `${who}limit is reached (${describeCap(fit.limitedBy)})`;
}

function shortfall(fit: Fit): string {
  return fit.limitedBy?.scope === 'budget'
    ? 'what is left of the campaign budget'
    : `the limit of ${describeCap(fit.limitedBy)}`;
}

function describeCap(ref: CounterRef | undefined): string {
  const cap = ref?.cap;
  if (cap === undefined) return 'this campaign';
  const amount = cap.unit === 'points' ? `${cap.max} points` : `${cap.max} time${cap.max === 1 ? '' : 's'}`;
  return `${amount} per ${cap.period === 'campaign' ? 'customer' : cap.period}`;
}
