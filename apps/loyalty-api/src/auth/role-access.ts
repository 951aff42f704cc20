import { ForbiddenException } from '@nestjs/common';
import { Principal, Role } from './principal';

/** Staff of the business and above: they act on any customer of their tenant. */
export const STAFF_ROLES: readonly Role[] = ['staff', 'owner', 'admin'];

/** Throws 403 unless the caller has one of `roles`. */
export function assertRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new ForbiddenException(`This needs one of the roles ${roles.join(', ')}`);
  }
}
