import { CAMPAIGN_STATUSES, type CampaignStatus, IDENTIFIER_PATTERN } from '@loyalty/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../http/page-query';

export class CampaignIdParams {
  @Matches(IDENTIFIER_PATTERN, { message: 'campaignId must be an identifier of 1-128 letters, digits, _ . : -' })
  campaignId!: string;
}

/** `POST /campaigns?draft=true` stores the campaign without running it until it is activated. */
export class CreateCampaignQuery {
  @IsOptional() @IsIn(['true', 'false']) draft?: 'true' | 'false';
}

export class ListCampaignsQuery extends PageQuery {
  @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: CampaignStatus;
}
