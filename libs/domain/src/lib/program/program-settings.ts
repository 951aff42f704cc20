import { DEFAULT_EARN_RULE, EarnRule } from '../points/earn-rule';
import { DEFAULT_TIER_SETTINGS, TierSettings } from '../tiers/tier-settings';

/** When earned points lapse. Expiry counts from the day points become available (after any return window). */
export type ExpiryPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'days_after_earning'; readonly days: number }
  | { readonly kind: 'end_of_month_after'; readonly months: number };

/** What a reversal does when the order's points were already spent. */
export type ReversalPolicy = 'allow_negative' | 'clamp';

/** A tenant's loyalty program: how points are earned, held back, reversed and expired. */
export interface ProgramSettings {
  readonly earnRule: EarnRule;
  /** Return window: points stay pending this many days before they can be spent (0 = at once). */
  readonly pendingDays: number;
  readonly expiry: ExpiryPolicy;
  readonly reversalPolicy: ReversalPolicy;
  /** An "expiring soon" notice goes out this many days before a lot expires. */
  readonly expiringSoonDays: number;
  /** IANA time zone of the business: calendar rules (month ends, campaign days) use it. */
  readonly timeZone: string;
  /** ISO 4217 code of the business's money: campaign amounts are in it unless a campaign names another. */
  readonly currency: string;
  /** Tier thresholds, earning multipliers and downgrade timing; see `tierSettingsOf` when absent. */
  readonly tiers?: TierSettings;
  /**
   * Whether a customer that a provider event names (by email) and the program does not know yet
   * becomes a new customer; when not, the event waits in the dead-letter queue until they sign up.
   */
  readonly createCustomersFromEvents: boolean;
}

export const DEFAULT_PROGRAM: ProgramSettings = {
  earnRule: DEFAULT_EARN_RULE,
  pendingDays: 0,
  expiry: { kind: 'none' },
  reversalPolicy: 'allow_negative',
  expiringSoonDays: 7,
  timeZone: 'UTC',
  currency: 'USD',
  tiers: DEFAULT_TIER_SETTINGS,
  createCustomersFromEvents: true,
};

/** The program's tiers, or the default ones for a program that does not set any. */
export function tierSettingsOf(program: ProgramSettings): TierSettings {
  return program.tiers ?? DEFAULT_TIER_SETTINGS;
}
