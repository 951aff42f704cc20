import { Page, PageRequest } from '../shared/page';
import { AuditRecord } from './audit-record';

/** Port: a tenant's audit trail, append-only, read newest first. */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  list(tenantId: string, page: PageRequest): Promise<Page<AuditRecord>>;
}
