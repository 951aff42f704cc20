import { Campaign } from './campaign';

/** Port: all of a tenant's campaigns, whatever their status (the engine decides which apply). */
export interface CampaignReader {
  listCampaigns(tenantId: string): Promise<readonly Campaign[]>;
}
