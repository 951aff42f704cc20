/**
 * Keeps one value per tenant for a short time, so hot paths (every event, every order) do not read
 * it from the table each time. A change made elsewhere is seen within `ttlMs`; `forget` drops an
 * entry at once when this process made the change. A failed load is not kept: the next call tries again.
 */
export class TenantCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(tenantId: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(tenantId);
    if (cached && cached.until > this.now()) return cached.value;
    const value = load();
    const entry = { value, until: this.now() + this.ttlMs };
    this.entries.set(tenantId, entry);
    // Only this load's entry: a newer one may have replaced it meanwhile.
    value.catch(() => {
      if (this.entries.get(tenantId) === entry) this.entries.delete(tenantId);
    });
    return value;
  }

  forget(tenantId: string): void {
    this.entries.delete(tenantId);
  }
}
