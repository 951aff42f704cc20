import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { err, ok } from '../shared/result';
import { Tenant } from './tenant';
import { TenantRepository } from './tenant-repository';

/** The repository's contract in memory, for use-case tests; DynamoDB is tested against DynamoDB Local. */
export class InMemoryTenantRepository implements TenantRepository {
  readonly tenants = new Map<string, Tenant>();

  async get(tenantId: string) {
    return this.tenants.get(tenantId);
  }

  async create(tenant: Tenant) {
    if (this.tenants.has(tenant.tenantId)) return err(new AlreadyExistsError('exists'));
    this.tenants.set(tenant.tenantId, tenant);
    return ok(tenant);
  }

  async update(tenant: Tenant) {
    if (this.tenants.get(tenant.tenantId)?.version !== tenant.version - 1) {
      return err(new ConcurrencyError('changed meanwhile'));
    }
    this.tenants.set(tenant.tenantId, tenant);
    return ok(tenant);
  }
}
