/** What a handler may tell the audit trail about its change. */
export interface AuditDetails {
  /** The changed record's id; by default the last path parameter (`/tenants/:tenantId` → tenantId). */
  readonly resourceId?: string;
  /** The trail to record in; by default the request's tenant (a new tenant is recorded in its own). */
  readonly tenantId?: string;
  /** The record before and after the change, as the API shows it. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Handed to a handler by @Audit(): the handler describes its change, the AuditInterceptor records it
 * (with who, when, method and route) once the handler has succeeded.
 */
export class AuditNote {
  private details: AuditDetails = {};

  describe(details: AuditDetails): void {
    this.details = { ...this.details, ...details };
  }

  get described(): AuditDetails {
    return this.details;
  }
}
