import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './jwt-auth.guard';

/**
 * The tenant the request acts in (see tenantInScope): the only source of a tenant id for
 * controllers, which never take one from the body or the path.
 */
export const CurrentTenant = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().tenantId,
);
