import { ProgramSettings } from './program-settings';
import { ProgramSettingsReader } from './program-settings-reader';

/**
 * Keeps each tenant's program for a short time, so hot paths (every event, every order) do not read
 * it from the table each time. A change made elsewhere is seen within `ttlMs`; `forget` drops an
 * entry at once when this process made the change.
 */
export class CachedProgramSettingsReader implements ProgramSettingsReader {
  private readonly cache = new Map<string, { program: Promise<ProgramSettings>; until: number }>();

  constructor(
    private readonly source: ProgramSettingsReader,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  getProgram(tenantId: string): Promise<ProgramSettings> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.until > this.now()) return cached.program;
    const program = this.source.getProgram(tenantId);
    this.cache.set(tenantId, { program, until: this.now() + this.ttlMs });
    program.catch(() => this.cache.delete(tenantId));
    return program;
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }
}
