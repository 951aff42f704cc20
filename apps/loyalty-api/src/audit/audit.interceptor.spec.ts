import { Logger } from '@aws-lambda-powertools/logger';
import { AuditRecord, DynamoDbAuditLog } from '@loyalty/domain';
import { Controller, Delete, Get, INestApplication, NotFoundException, Param, Post } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import request from 'supertest';
import { Role } from '../auth/principal';
import { createApiTestApp, testToken } from '../testing/api-test-app.fixture';
import { Audit } from './audit.decorator';
import { AuditInterceptor } from './audit.interceptor';
import { AuditNote } from './audit-note';
import { NotAudited } from './not-audited.decorator';

@Controller('campaigns')
class CampaignsController {
  @Get(':campaignId')
  read() {
    return { status: 'active' };
  }

  @Post(':campaignId/pause')
  pause(@Param('campaignId') campaignId: string, @Audit() audit: AuditNote) {
    audit.describe({ before: { campaignId, status: 'active' }, after: { campaignId, status: 'paused', at: new Date(0) } });
    return { status: 'paused' };
  }

  @Delete(':campaignId')
  remove() {
    return { deleted: true };
  }

  @Post()
  create(@Audit() audit: AuditNote) {
    audit.describe({ resourceId: 'camp_new' });
    return { campaignId: 'camp_new' };
  }

  @Post('estimate')
  @NotAudited()
  estimate() {
    return { points: 15 };
  }

  @Post(':campaignId/activate')
  activate() {
    throw new NotFoundException('No campaign');
  }
}

describe('AuditInterceptor', () => {
  let app: INestApplication;
  const appended: AuditRecord[] = [];
  const auditLog = { append: jest.fn(async (record: AuditRecord) => void appended.push(record)) };
  const logger = new Logger({ logLevel: 'SILENT' });

  beforeAll(async () => {
    app = await createApiTestApp({
      controllers: [CampaignsController],
      providers: [
        { provide: DynamoDbAuditLog, useValue: auditLog },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      logger,
    });
  });

  beforeEach(() => {
    appended.length = 0;
    auditLog.append.mockClear();
  });

  afterAll(() => app.close());

  const call = async (method: 'get' | 'post' | 'delete', path: string, role: Role, tenantHeader?: string) => {
    const pending = request(app.getHttpServer())[method](path).auth(await testToken(role, 'demo', `${role}_1`), { type: 'bearer' });
    return tenantHeader ? pending.set('X-Tenant-Id', tenantHeader) : pending;
  };

  it('records who changed what, when, with the before and after the handler described', async () => {
    // Act
    const response = await call('post', '/campaigns/camp_1/pause', 'owner');

    // Assess
    expect(response.status).toBe(201);
    expect(appended).toEqual([
      {
        tenantId: 'demo',
        auditId: expect.stringMatching(/^audit_[0-9A-HJKMNP-TV-Z]{26}$/),
        at: expect.any(String),
        actor: { sub: 'owner_1', role: 'owner' },
        action: { method: 'POST', route: '/campaigns/:campaignId/pause', resourceId: 'camp_1' },
        requestId: response.headers['x-request-id'],
        before: { campaignId: 'camp_1', status: 'active' },
        after: { campaignId: 'camp_1', status: 'paused', at: '1970-01-01T00:00:00.000Z' },
      },
    ]);
  });

  it('records a change whose handler describes nothing, with the last path parameter as resource', async () => {
    // Act
    await call('delete', '/campaigns/camp_2', 'staff');

    // Assess
    expect(appended).toEqual([
      expect.objectContaining({ action: { method: 'DELETE', route: '/campaigns/:campaignId', resourceId: 'camp_2' } }),
    ]);
    expect(appended[0]).not.toHaveProperty('before');
  });

  it('takes the resource id the handler gives when the path has none', async () => {
    // Act
    await call('post', '/campaigns', 'admin');

    // Assess
    expect(appended[0]?.action).toEqual({ method: 'POST', route: '/campaigns', resourceId: 'camp_new' });
  });

  it("records an admin's change in the tenant the admin acted in", async () => {
    // Act
    await call('post', '/campaigns/camp_1/pause', 'admin', 'cafe-lumiere');

    // Assess
    expect(appended[0]).toMatchObject({ tenantId: 'cafe-lumiere', actor: { sub: 'admin_1', role: 'admin' } });
  });

  it.each([
    ['a read', 'get', '/campaigns/camp_1', 'owner'],
    ["a customer's own action", 'post', '/campaigns/camp_1/pause', 'customer'],
    ['a route marked @NotAudited', 'post', '/campaigns/estimate', 'staff'],
    ['a change that failed', 'post', '/campaigns/camp_1/activate', 'owner'],
  ] as const)('records nothing for %s', async (_case, method, path, role) => {
    // Act
    await call(method, path, role);

    // Assess
    expect(auditLog.append).not.toHaveBeenCalled();
  });

  it('still answers when the record cannot be stored, and logs the loss without before/after', async () => {
    // Prepare
    auditLog.append.mockRejectedValueOnce(new Error('DynamoDB unreachable'));
    const logged = jest.spyOn(logger, 'error');

    // Act
    const response = await call('post', '/campaigns/camp_1/pause', 'owner');

    // Assess
    expect(response.status).toBe(201);
    expect(logged).toHaveBeenCalledWith('Audit record lost', {
      error: expect.any(Error),
      auditRecord: expect.objectContaining({ action: expect.objectContaining({ resourceId: 'camp_1' }) }),
    });
    expect(JSON.stringify(logged.mock.calls)).not.toContain('paused');
  });
});
