import { ForbiddenException } from '@nestjs/common';
import { Principal } from '../auth/principal';

/** An admin manages every tenant; an owner only their own; nobody else any. */
export function assertCanManageTenant(principal: Principal, tenantId: string): void {
  const allowed =
    principal.role === 'admin' || (principal.role === 'owner' && principal.tenantId === tenantId);
  if (!allowed) throw new ForbiddenException("Only an admin or the tenant's owner may do this");
}
