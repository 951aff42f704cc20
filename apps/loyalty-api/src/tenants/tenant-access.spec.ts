import { ForbiddenException } from '@nestjs/common';
import { Role } from '../auth/principal';
import { assertCanManageTenant } from './tenant-access';

const as = (role: Role, tenantId = 'demo') => ({ sub: 'someone', tenantId, role });

describe('assertCanManageTenant', () => {
  it('lets an admin manage any tenant', () => {
    // Act & Assess
    expect(() => assertCanManageTenant(as('admin', 'home'), 'demo')).not.toThrow();
  });

  it('lets an owner manage their own tenant only', () => {
    // Act
    const own = () => assertCanManageTenant(as('owner'), 'demo');
    const other = () => assertCanManageTenant(as('owner'), 'other');

    // Assess
    expect(own).not.toThrow();
    expect(other).toThrow(ForbiddenException);
  });

  it.each(['staff', 'customer', 'system'] as Role[])('refuses %s, even in their own tenant', (role) => {
    // Act & Assess
    expect(() => assertCanManageTenant(as(role), 'demo')).toThrow(ForbiddenException);
  });
});
