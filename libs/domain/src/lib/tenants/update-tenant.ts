import { isDeepStrictEqual } from 'node:util';
import { ConcurrencyError } from '../shared/concurrency-error';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { Tenant } from './tenant';
import { applyTenantChanges, TenantChanges } from './tenant-changes';
import { TenantRepository } from './tenant-repository';

/** The tenant as it was and as it is now, for the caller's answer and the audit trail. */
export interface TenantUpdate {
  readonly before: Tenant;
  readonly after: Tenant;
}

/**
 * Use case: a change to a tenant's name or program. It is stored only over the version it was
 * computed from; a concurrent change in between is a ConcurrencyError, not a lost update.
 */
export class UpdateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    tenantId: string,
    changes: TenantChanges,
  ): Promise<Result<TenantUpdate, ValidationError | NotFoundError | ConcurrencyError>> {
    const before = await this.tenants.get(tenantId);
    if (!before) return err(new NotFoundError(`No tenant ${tenantId}`, { tenantId }));
    const profile = applyTenantChanges(before, changes);
    if (!profile.ok) return profile;
    // A change to what is already there writes nothing (and keeps the version).
    if (isDeepStrictEqual(profile.value, { name: before.name, program: before.program })) return ok({ before, after: before });
    const stored = await this.tenants.update({
      ...before,
      ...profile.value,
      version: before.version + 1,
      updatedAt: this.now().toISOString(),
    });
    return stored.ok ? ok({ before, after: stored.value }) : stored;
  }
}
