import { Campaign } from './campaign';
import { CampaignVersionConflictError } from './campaign-version-conflict-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { Result } from '../shared/result';

/** Port: every campaign of a tenant, whatever its status; the engine decides what applies at an event's time. */
export interface CampaignReader {
  listCampaigns(tenantId: string): Promise<readonly Campaign[]>;
}

/** A campaign as stored: `version` guards the next update (1 when created). Times are ISO instants. */
export interface StoredCampaign extends Campaign {
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Port: campaigns for the people who manage them. */
export interface CampaignRepository extends CampaignReader {
  listCampaigns(tenantId: string): Promise<readonly StoredCampaign[]>;
  getCampaign(tenantId: string, campaignId: string): Promise<StoredCampaign | undefined>;
  /**
   * Stores a new campaign at version 1. With the client's `idempotencyKey`, a repeat of the same
   * campaign (whatever id the repeat drew) stores nothing and gives the first campaign as it is now;
   * the same key with another campaign is a `CONFLICT`.
   */
  createCampaign(
    tenantId: string,
    campaign: Campaign,
    idempotencyKey?: string,
  ): Promise<Result<StoredCampaign, IdempotencyConflictError>>;
  /**
   * Replaces the campaign only if it is still at `expectedVersion`, and raises its version. When
   * another writer came first nothing is written and the result is a `CONFLICT`: read again, re-apply.
   */
  updateCampaign(
    tenantId: string,
    campaign: Campaign,
    expectedVersion: number,
  ): Promise<Result<StoredCampaign, CampaignVersionConflictError>>;
}
