import { ForbiddenException } from '@nestjs/common';
import { Role, ROLES } from './principal';
import { assertRole, STAFF_ROLES } from './role-access';

describe('assertRole', () => {
  it.each(ROLES.map((role) => [role, STAFF_ROLES.includes(role)] as [Role, boolean]))('lets %s act as staff: %p', (role, allowed) => {
    // Act
    const act = () => assertRole({ sub: 'someone', tenantId: 'demo', role }, STAFF_ROLES);

    // Assess
    if (allowed) expect(act).not.toThrow();
    else expect(act).toThrow(ForbiddenException);
  });
});
