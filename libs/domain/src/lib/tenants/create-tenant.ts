import { DEFAULT_PROGRAM } from '../program/program-settings';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { isIdentifier } from '../shared/identifier';
import { err, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { Tenant } from './tenant';
import { applyTenantChanges, TenantChanges } from './tenant-changes';
import { TenantRepository } from './tenant-repository';

export interface TenantRegistration extends TenantChanges {
  readonly tenantId: string;
  readonly name: string;
}

/** Use case: an admin registers a business; program settings it leaves out take the defaults. */
export class CreateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    registration: TenantRegistration,
  ): Promise<Result<Tenant, ValidationError | AlreadyExistsError>> {
    const profile = applyTenantChanges({ name: '', program: DEFAULT_PROGRAM }, registration);
    if (!isIdentifier(registration.tenantId)) {
      const fields = profile.ok ? {} : (profile.error.details['fields'] as Record<string, string>);
      return err(
        new ValidationError('Invalid tenant', {
          fields: { tenantId: '1-128 letters, digits, _ . : -', ...fields },
        }),
      );
    }
    if (!profile.ok) return profile;
    const createdAt = this.now().toISOString();
    return this.tenants.create({
      tenantId: registration.tenantId,
      ...profile.value,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
  }
}
