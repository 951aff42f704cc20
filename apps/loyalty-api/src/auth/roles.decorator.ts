import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const ROLES_ALLOWED = 'rolesAllowed';

/**
 * The roles that may call a route (on a handler, or on a controller for all its handlers; the
 * handler's wins). Routes without it are open to every authenticated role.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);
