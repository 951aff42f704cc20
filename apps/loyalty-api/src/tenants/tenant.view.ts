import { Tenant } from '@loyalty/domain';

/** A tenant as the API shows it (its version is the store's business). */
export function tenantView({ tenantId, name, program, createdAt, updatedAt }: Tenant) {
  return { tenantId, name, program, createdAt, updatedAt };
}
