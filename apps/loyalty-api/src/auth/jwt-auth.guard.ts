import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { TENANT_HEADER, tenantInScope } from './tenant-scope';
import { TokenVerifier } from './token-verifier';

/** A request past the guard: who calls, and the tenant everything it touches belongs to. */
export type AuthenticatedRequest = Request & { principal: Principal; tenantId: string };

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const principal = scheme === 'Bearer' && token ? await this.verifier.verify(token) : undefined;
    if (!principal) throw new UnauthorizedException('A valid bearer token is required');
    request.principal = principal;
    request.tenantId = tenantInScope(principal, request.headers[TENANT_HEADER]);
    return true;
  }
}
