import { ForbiddenException } from '@nestjs/common';
import { Principal } from './principal';

/** SPEC "Identity and tenancy": a customer acts only on their own account. */
export function assertCanActOnCustomer(principal: Principal, userId: string): void {
  if (principal.role === 'customer' && principal.sub !== userId) {
    throw new ForbiddenException('Customers can only access their own account');
  }
}
