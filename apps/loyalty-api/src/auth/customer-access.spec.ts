import { ForbiddenException } from '@nestjs/common';
import { assertCanActOnCustomer } from './customer-access';
import { Role } from './principal';

describe('assertCanActOnCustomer', () => {
  it('lets a customer act on their own account only', () => {
    // Prepare
    const customer = { sub: 'user_1', tenantId: 'demo', role: 'customer' as Role };

    // Act
    const own = () => assertCanActOnCustomer(customer, 'user_1');
    const other = () => assertCanActOnCustomer(customer, 'user_2');

    // Assess
    expect(own).not.toThrow();
    expect(other).toThrow(ForbiddenException);
  });

  it.each(['staff', 'owner', 'admin', 'system'] as Role[])('lets %s act on any customer of the tenant', (role) => {
    // Act
    const act = () => assertCanActOnCustomer({ sub: 'someone', tenantId: 'demo', role }, 'user_2');

    // Assess
    expect(act).not.toThrow();
  });
});
