import { Campaign, newCampaign } from '../campaigns/campaign';
import { CampaignReader } from '../campaigns/campaign-repository';
import { SignupEarningInput } from '../campaigns/earning-input';
import { evaluateSignup, limitCountersFor } from '../campaigns/evaluate-earning';
import { DEFAULT_SIGNUP_POINTS } from '../campaigns/parse-campaign-definition';
import { NO_STATS } from '../ledger/account-stats';
import { PointsAccount } from '../ledger/points-account';
import { PointsLedger, PostingOutcome } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { Result } from '../shared/result';
import { SignupBonus } from '../users/signup-bonus';
import { campaignAwardPlan } from './campaign-award-plan';

export interface UserCreated {
  readonly tenantId: string;
  readonly userId: string;
  readonly channel?: string;
}

/** The welcome bonus every program has unless the tenant runs a signup campaign of its own. */
export function defaultSignupCampaign(program: ProgramSettings): Campaign {
  return newCampaign('camp_default_signup', {
    name: 'Welcome bonus',
    reward: { kind: 'signup_bonus', points: DEFAULT_SIGNUP_POINTS },
    currency: program.currency,
    timeZone: program.timeZone,
    conditions: {},
    limits: {},
    priority: 0,
    exclusive: false,
  });
}

/**
 * Use case: `user.created` credits the signup bonus once per customer, with its campaign line. The
 * signup answer announces the same evaluation (`welcomePoints`) for a customer with nothing yet.
 */
export class AwardSignupBonus implements SignupBonus {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly programs: ProgramSettingsReader,
    private readonly campaigns: CampaignReader,
  ) {}

  async welcomePoints(tenantId: string): Promise<number> {
    const { input } = await this.inputFor({ tenantId, userId: 'user_new' }, new Date());
    return evaluateSignup({ ...input(undefined), usage: new Map() }).points;
  }

  async execute(event: UserCreated, occurredAt: Date = new Date()): Promise<Result<PostingOutcome, IdempotencyConflictError>> {
    const { program, input } = await this.inputFor(event, occurredAt);
    return this.ledger.post<never>({
      tenantId: event.tenantId,
      userId: event.userId,
      idempotencyKey: `user#${event.userId}#signup`,
      requestHash: fingerprint({ userId: event.userId }),
      countersFor: (state) => limitCountersFor(input(state.account)),
      plan: (state, context) =>
        campaignAwardPlan(
          event,
          state.account,
          evaluateSignup({ ...input(state.account), usage: state.counters }),
          'Welcome bonus',
          context,
          program,
        ),
    });
  }

  /** The evaluation's facts for this customer, given their account. */
  private async inputFor(event: UserCreated, occurredAt: Date) {
    const [program, campaigns] = await Promise.all([
      this.programs.getProgram(event.tenantId),
      this.campaigns.listCampaigns(event.tenantId),
    ]);
    const signupCampaigns = campaigns.some((campaign) => campaign.reward.kind === 'signup_bonus')
      ? campaigns
      : [...campaigns, defaultSignupCampaign(program)];
    const input = (account: PointsAccount | undefined): Omit<SignupEarningInput, 'usage'> => ({
      program,
      campaigns: signupCampaigns,
      customer: {
        userId: event.userId,
        completedOrders: account?.stats?.completedOrders ?? NO_STATS.completedOrders,
        lifetimeSpendMinor: BigInt(account?.stats?.spentMinor ?? 0),
      },
      signup: { occurredAt, ...(event.channel !== undefined && { channel: event.channel }) },
    });
    return { program, input };
  }
}
