import { Campaign } from './campaign';
import { CampaignTransitionError } from './campaign-transition-error';
import { hasEnded, hasNotStarted } from './campaign-window';
import { err, ok, Result } from '../shared/result';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * The status at `now`, derived from the owner's last action and the dates: past its end a campaign
 * has ended whatever was done to it; otherwise a draft or paused campaign stays so; a live one is
 * scheduled before its start and active from then on.
 */
export function campaignStatus(campaign: Pick<Campaign, 'control' | 'startsAt' | 'endsAt'>, now: Date): CampaignStatus {
  if (hasEnded(campaign, now)) return 'ended';
  if (campaign.control !== 'live') return campaign.control;
  return hasNotStarted(campaign, now) ? 'scheduled' : 'active';
}

/** Makes a draft or paused campaign live (scheduled or active by its dates); a live one stays as it is. */
export function activateCampaign(campaign: Campaign, now: Date): Result<Campaign, CampaignTransitionError> {
  const status = campaignStatus(campaign, now);
  if (status === 'ended') {
    return err(
      transitionError(campaign, status, 'activate', 'An ended campaign cannot be activated; move its endDate first'),
    );
  }
  return ok(campaign.control === 'live' ? campaign : { ...campaign, control: 'live' });
}

/** Stops a scheduled or active campaign from giving points; a paused one stays paused. */
export function pauseCampaign(campaign: Campaign, now: Date): Result<Campaign, CampaignTransitionError> {
  const status = campaignStatus(campaign, now);
  if (status === 'ended' || status === 'draft') {
    return err(transitionError(campaign, status, 'pause', `A campaign that is ${status} cannot be paused`));
  }
  return ok(status === 'paused' ? campaign : { ...campaign, control: 'paused' });
}

function transitionError(
  campaign: Campaign,
  status: CampaignStatus,
  action: string,
  message: string,
): CampaignTransitionError {
  return new CampaignTransitionError(message, { campaignId: campaign.campaignId, status, action });
}
