import { ForbiddenException } from '@nestjs/common';
import { Principal, Role } from './principal';

/** Staff-side actions (manual adjustments, recording orders) are not open to customers. */
export function assertRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new ForbiddenException(`This action needs one of the roles ${roles.join(', ')}`);
  }
}
