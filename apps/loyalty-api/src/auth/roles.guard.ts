import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './jwt-auth.guard';
import { Role } from './principal';
import { ROLES_ALLOWED } from './roles.decorator';

/** Global guard, after JwtAuthGuard: a route's @Roles(...) must include the caller's role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const { principal } = context.switchToHttp().getRequest<Partial<AuthenticatedRequest>>();
    if (!principal || !allowed.includes(principal.role)) {
      throw new ForbiddenException(`Only ${allowed.join(', ')} may do this`);
    }
    return true;
  }
}
