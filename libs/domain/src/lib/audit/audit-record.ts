/**
 * One change made by a staff member, an owner, an admin or a system caller: who, what, when, and
 * the changed record before and after it when the handler supplied them.
 */
export interface AuditRecord {
  readonly tenantId: string;
  /** `audit_<ULID>`: sorts by time. */
  readonly auditId: string;
  readonly at: string;
  readonly actor: { readonly sub: string; readonly role: string };
  /** The HTTP method and route pattern (`PATCH /tenants/:tenantId`), and the record it changed. */
  readonly action: { readonly method: string; readonly route: string; readonly resourceId?: string };
  readonly requestId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}
