import { campaignDefinitionToBody, campaignStatus, moneyToDecimal, StoredCampaign } from '@loyalty/domain';

/**
 * A campaign as clients see it: its id and status at `now`, then the body they send (defaults
 * filled in, dates as instants), with amounts as decimal text in the campaign's currency.
 */
export function campaignView(campaign: StoredCampaign, now: Date) {
  const body = campaignDefinitionToBody(campaign);
  const { reward, conditions } = campaign;
  return {
    campaignId: campaign.campaignId,
    status: campaignStatus(campaign, now),
    ...body,
    ...(reward.kind === 'spend_threshold' && { threshold: moneyToDecimal(reward.threshold) }),
    ...(reward.kind === 'milestone' &&
      'lifetimeSpend' in reward.target && { lifetimeSpend: moneyToDecimal(reward.target.lifetimeSpend) }),
    conditions: {
      ...body.conditions,
      ...(conditions.minAmount !== undefined && { minAmount: moneyToDecimal(conditions.minAmount) }),
    },
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
  };
}
