import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { Principal, Role } from './principal';
import { tenantInScope } from './tenant-scope';

const as = (role: Role): Principal => ({ sub: 'someone', tenantId: 'home', role });

describe('tenantInScope', () => {
  it.each(['admin', 'owner', 'staff', 'customer', 'system'] as Role[])(
    "puts %s in the token's tenant when no tenant is named",
    (role) => {
      // Act
      const tenant = tenantInScope(as(role), undefined);

      // Assess
      expect(tenant).toBe('home');
    },
  );

  it('lets an admin act in the tenant named by X-Tenant-Id', () => {
    // Act
    const tenant = tenantInScope(as('admin'), 'elsewhere');

    // Assess
    expect(tenant).toBe('elsewhere');
  });

  it.each(['owner', 'staff', 'customer', 'system'] as Role[])('refuses %s naming another tenant', (role) => {
    // Act
    const scope = () => tenantInScope(as(role), 'elsewhere');

    // Assess
    expect(scope).toThrow(ForbiddenException);
  });

  it("accepts a non-admin naming their own tenant", () => {
    // Act
    const tenant = tenantInScope(as('staff'), 'home');

    // Assess
    expect(tenant).toBe('home');
  });

  it.each([['TENANT#x'], [['a', 'b']], ['a, b']])('refuses the malformed tenant %j with a 400', (requested) => {
    // Act
    const scope = () => tenantInScope(as('admin'), requested);

    // Assess
    expect(scope).toThrow(BadRequestException);
  });
});
