import { isIdentifier } from '@loyalty/domain';
import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { Principal } from './principal';

/** The header an admin names the tenant to act in with. */
export const TENANT_HEADER = 'x-tenant-id';

/**
 * The tenant a request acts in: always the token's, except that an admin may name any tenant with
 * X-Tenant-Id (without it, an admin acts in the token's tenant too). A non-admin naming another
 * tenant is refused rather than ignored, so that nobody believes they wrote somewhere they did not.
 */
export function tenantInScope(principal: Principal, requested: string | string[] | undefined): string {
  if (requested === undefined || requested === '') return principal.tenantId;
  if (!isIdentifier(requested)) {
    throw new BadRequestException('X-Tenant-Id must be one tenant id of 1-128 letters, digits, _ . : -');
  }
  if (principal.role !== 'admin' && requested !== principal.tenantId) {
    throw new ForbiddenException('Only admins may act in another tenant');
  }
  return requested;
}
