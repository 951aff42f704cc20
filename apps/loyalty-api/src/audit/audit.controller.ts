import { DynamoDbAuditLog } from '@loyalty/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiSuccess } from '../docs/api-success.decorator';
import { PageQuery } from '../http/page-query';
import { PageTokenCodec } from '../http/page-token';
import { AuditPageView } from './audit-page.view';

@ApiTags('audit')
@Controller('audit')
@Roles('owner', 'admin')
export class AuditController {
  constructor(
    private readonly auditLog: DynamoDbAuditLog,
    private readonly pageTokens: PageTokenCodec,
  ) {}

  /** The tenant's audit trail, newest first. */
  @Get()
  @ApiSuccess(AuditPageView)
  async list(@Query() { limit, nextToken }: PageQuery, @CurrentTenant() tenantId: string): Promise<AuditPageView> {
    const scope = `${tenantId}:audit`;
    const page = await this.auditLog.list(tenantId, {
      limit,
      after: this.pageTokens.decode(scope, nextToken),
    });
    return { records: page.items, nextToken: this.pageTokens.encode(scope, page.next) };
  }
}
