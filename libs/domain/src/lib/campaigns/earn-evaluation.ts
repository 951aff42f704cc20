import { CampaignKind } from './campaign';

export type EarnLineKind = 'base' | 'tier' | CampaignKind;

/** One rule's contribution, with the sentence shown to the customer. */
export interface EarnLine {
  readonly campaignId?: string;
  readonly kind: EarnLineKind;
  readonly points: number;
  readonly reason: string;
}

/**
 * An increment the caller applies to a limit counter atomically with the posting, under the
 * condition `current + increment <= limit`; if the condition fails another writer won the race and
 * the event is evaluated again with fresh counter values.
 */
export interface CounterIncrement {
  readonly counterId: string;
  readonly increment: number;
  readonly limit: number;
}

/** Points for another account: the referrer's side of a referral. */
export interface ReferralAward {
  readonly userId: string;
  readonly points: number;
  readonly line: EarnLine;
}

/** A campaign whose conditions held but that gave nothing, and why. */
export interface SkippedCampaign {
  readonly campaignId: string;
  readonly kind: CampaignKind;
  readonly reason: string;
}

export interface EarnEvaluation {
  /** Sum of `lines`: what the customer earns. */
  readonly points: number;
  readonly lines: readonly EarnLine[];
  readonly counters: readonly CounterIncrement[];
  readonly referrals: readonly ReferralAward[];
  readonly skipped: readonly SkippedCampaign[];
}
