import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { Result } from '../shared/result';
import { Tenant } from './tenant';

/** Port: the tenants' profiles (name and program settings). */
export interface TenantRepository {
  get(tenantId: string): Promise<Tenant | undefined>;
  /** Stores a tenant whose id is not taken yet. */
  create(tenant: Tenant): Promise<Result<Tenant, AlreadyExistsError>>;
  /** Stores `tenant` unless the stored version is no longer the one before it (`tenant.version - 1`). */
  update(tenant: Tenant): Promise<Result<Tenant, ConcurrencyError>>;
}
