export const ROLES = ['admin', 'owner', 'staff', 'customer', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified bearer token. */
export interface Principal {
  readonly sub: string;
  readonly tenantId: string;
  readonly role: Role;
}
