import { Campaign } from './campaign';
import { CampaignReader } from './campaign-repository';
import { TenantCache } from '../shared/tenant-cache';

/**
 * Each tenant's campaigns, kept for `ttlMs` (see `TenantCache`): orders and events read them
 * constantly, owners change them rarely. A process that changes a campaign calls `forget`.
 */
export class CachedCampaignReader implements CampaignReader {
  private readonly cache: TenantCache<readonly Campaign[]>;

  constructor(
    private readonly source: CampaignReader,
    ttlMs = 30_000,
    now: () => number = Date.now,
  ) {
    this.cache = new TenantCache(ttlMs, now);
  }

  listCampaigns(tenantId: string): Promise<readonly Campaign[]> {
    return this.cache.get(tenantId, () => this.source.listCampaigns(tenantId));
  }

  forget(tenantId: string): void {
    this.cache.forget(tenantId);
  }
}
