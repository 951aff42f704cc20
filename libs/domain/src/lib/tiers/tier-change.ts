import { DateTime } from 'luxon';
import { TierBasis, TierSettings } from './tier-settings';
import { qualifyingTier, TierStanding, tierRank } from './tier-standing';

/** A customer's tier and, once they qualified, until when it is kept even if they stop qualifying. */
export interface TierState {
  readonly tier: string;
  /** ISO instant: the end of the review period in which they last qualified, plus the grace days. */
  readonly heldUntil?: string;
}

/** Payload of the `tier.changed` event. */
export interface TierChanged {
  readonly type: 'tier.changed';
  readonly tenantId: string;
  readonly userId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'upgrade' | 'downgrade';
  readonly basis: TierBasis;
  readonly heldUntil: string;
  readonly occurredAt: string;
}

export interface TierDecisionInput {
  readonly tenantId: string;
  readonly userId: string;
  readonly settings: TierSettings;
  /** The tenant's IANA time zone: review periods end at its local midnight. */
  readonly timeZone: string;
  readonly current: TierState;
  readonly standing: TierStanding;
  readonly now: Date;
}

export interface TierDecision {
  readonly state: TierState;
  /** Present when the tier changes: publish it. */
  readonly changed?: TierChanged;
}

/**
 * Decides a customer's tier at `now`. Reaching a higher tier upgrades at once. Qualifying for the
 * current tier keeps it until the end of the current review period plus the grace days. Falling
 * short downgrades (to the tier the standing reaches) only once that hold has passed; a customer
 * without a hold yet (e.g. migrated) gets one instead of an immediate downgrade.
 */
export function decideTierChange(input: TierDecisionInput): TierDecision {
  const { settings, current, now } = input;
  const qualified = qualifyingTier(settings, input.standing).id;
  const heldUntil = holdEnd(settings, input.timeZone, now);
  const rankChange = tierRank(settings, qualified) - tierRank(settings, current.tier);
  if (rankChange > 0) return changeTo(input, qualified, heldUntil);
  if (rankChange === 0) {
    const kept =
      current.heldUntil !== undefined && Date.parse(current.heldUntil) > Date.parse(heldUntil)
        ? current.heldUntil
        : heldUntil;
    return { state: { tier: current.tier, heldUntil: kept } };
  }
  if (current.heldUntil === undefined) return { state: { tier: current.tier, heldUntil } };
  if (now.getTime() < Date.parse(current.heldUntil)) return { state: current };
  return changeTo(input, qualified, heldUntil);
}

function changeTo(input: TierDecisionInput, tier: string, heldUntil: string): TierDecision {
  const { settings, current } = input;
  return {
    state: { tier, heldUntil },
    changed: {
      type: 'tier.changed',
      tenantId: input.tenantId,
      userId: input.userId,
      from: current.tier,
      to: tier,
      direction: tierRank(settings, tier) > tierRank(settings, current.tier) ? 'upgrade' : 'downgrade',
      basis: settings.basis,
      heldUntil,
      occurredAt: input.now.toISOString(),
    },
  };
}

/** The first instant after the current review period and its grace days, in the tenant's calendar. */
function holdEnd(settings: TierSettings, timeZone: string, now: Date): string {
  return (
    DateTime.fromJSDate(now, { zone: timeZone })
      .startOf(settings.reviewPeriod)
      .plus({ [settings.reviewPeriod]: 1, days: settings.downgradeGraceDays })
      .toUTC()
      .toISO() ?? now.toISOString()
  );
}
