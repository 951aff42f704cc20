import { TenantCache } from '../shared/tenant-cache';
import { ProgramSettings } from './program-settings';
import { ProgramSettingsReader } from './program-settings-reader';

/** Each tenant's program, kept for `ttlMs` (see `TenantCache`). */
export class CachedProgramSettingsReader implements ProgramSettingsReader {
  private readonly cache: TenantCache<ProgramSettings>;

  constructor(
    private readonly source: ProgramSettingsReader,
    ttlMs = 30_000,
    now: () => number = Date.now,
  ) {
    this.cache = new TenantCache(ttlMs, now);
  }

  getProgram(tenantId: string): Promise<ProgramSettings> {
    return this.cache.get(tenantId, () => this.source.getProgram(tenantId));
  }

  forget(tenantId: string): void {
    this.cache.forget(tenantId);
  }
}
