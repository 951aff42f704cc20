import { Campaign } from './campaign';
import { CampaignRepository, StoredCampaign } from './campaign-repository';
import { CampaignVersionConflictError } from './campaign-version-conflict-error';
import { DomainError } from '../shared/domain-error';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';

/** A change to a campaign (a merge patch, activation, pause): the next campaign, or why not. */
export type CampaignChange<E extends DomainError> = (current: StoredCampaign) => Result<Campaign, E>;

const ATTEMPTS = 3;

/**
 * Applies a change to the stored campaign under its version. When another writer came first the
 * change is applied again to what they wrote (a merge patch or a status change still means the same
 * on the newer campaign); after a few lost races the `CONFLICT` is returned. A change that returns
 * the campaign itself (activating a live campaign) writes nothing.
 */
export class ChangeCampaign {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute<E extends DomainError>(
    tenantId: string,
    campaignId: string,
    change: CampaignChange<E>,
  ): Promise<Result<StoredCampaign, E | NotFoundError | CampaignVersionConflictError>> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.campaigns.getCampaign(tenantId, campaignId);
      if (!current) return err(new NotFoundError(`Campaign ${campaignId} not found`, { campaignId }));
      const changed = change(current);
      if (!changed.ok) return changed;
      if (changed.value === current) return ok(current);
      const saved = await this.campaigns.updateCampaign(tenantId, changed.value, current.version);
      if (saved.ok || attempt === ATTEMPTS) return saved;
    }
  }
}
