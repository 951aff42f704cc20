import { Controller, Get, INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiTestApp, testToken } from '../testing/api-test-app.fixture';
import { CurrentPrincipal } from './current-principal.decorator';
import { CurrentTenant } from './current-tenant.decorator';
import type { Principal } from './principal';
import { Roles } from './roles.decorator';

@Controller('whoami')
class WhoAmIController {
  @Get()
  whoAmI(@CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    return { ...principal, actingIn: tenantId };
  }

  @Get('owners')
  @Roles('owner', 'admin')
  ownersOnly(@CurrentTenant() tenantId: string) {
    return { actingIn: tenantId };
  }
}

@Controller('admin-area')
@Roles('admin')
class AdminAreaController {
  @Get()
  area() {
    return 'admins only';
  }

  @Get('staff-too')
  @Roles('admin', 'staff')
  staffToo() {
    return 'admins and staff';
  }
}

describe('authentication, roles and tenant scope', () => {
  let app: INestApplication;
  const get = async (path: string, token: string, tenantHeader?: string) => {
    const call = request(app.getHttpServer()).get(path).auth(token, { type: 'bearer' });
    return tenantHeader === undefined ? call : call.set('X-Tenant-Id', tenantHeader);
  };

  beforeAll(async () => {
    app = await createApiTestApp({ controllers: [WhoAmIController, AdminAreaController] });
  });

  afterAll(() => app.close());

  it("hands handlers the principal and the token's tenant", async () => {
    // Act
    const response = await get('/whoami', await testToken('staff', 'demo', 'staff_1'));

    // Assess
    expect(response.body).toEqual({
      success: true,
      data: { sub: 'staff_1', tenantId: 'demo', role: 'staff', actingIn: 'demo' },
    });
  });

  it('answers a missing token with 401 in the envelope', async () => {
    // Act
    const response = await request(app.getHttpServer()).get('/whoami');

    // Assess
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      success: false,
      error: { code: 'UNAUTHORIZED', message: 'A valid bearer token is required' },
      requestId: response.headers['x-request-id'],
    });
  });

  it.each([
    ['owner', 200],
    ['admin', 200],
    ['staff', 403],
    ['customer', 403],
    ['system', 403],
  ] as const)('lets %s call an owner/admin route: %i', async (role, status) => {
    // Act
    const response = await get('/whoami/owners', await testToken(role));

    // Assess
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(response.body.error).toEqual({ code: 'FORBIDDEN', message: 'Only owner, admin may do this' });
    }
  });

  it("applies a controller's roles to its handlers, unless a handler names its own", async () => {
    // Prepare
    const staff = await testToken('staff');

    // Act
    const area = await get('/admin-area', staff);
    const staffToo = await get('/admin-area/staff-too', staff);

    // Assess
    expect(area.status).toBe(403);
    expect(staffToo.status).toBe(200);
  });

  it('lets an admin act in the tenant named by X-Tenant-Id', async () => {
    // Act
    const response = await get('/whoami/owners', await testToken('admin', 'platform'), 'cafe-lumiere');

    // Assess
    expect(response.body.data).toEqual({ actingIn: 'cafe-lumiere' });
  });

  it('refuses an owner naming another tenant with 403, and a malformed tenant with 400', async () => {
    // Prepare
    const owner = await testToken('owner', 'demo');

    // Act
    const other = await get('/whoami/owners', owner, 'cafe-lumiere');
    const malformed = await get('/whoami/owners', owner, 'demo#USER#1');

    // Assess
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_ERROR');
  });
});
