import { DynamoDbAuditLog } from '@loyalty/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { PageQuery } from '../http/page-query';
import { PageTokenCodec } from '../http/page-token';

@Controller('audit')
@Roles('owner', 'admin')
export class AuditController {
  constructor(
    private readonly auditLog: DynamoDbAuditLog,
    private readonly pageTokens: PageTokenCodec,
  ) {}

  /** The tenant's audit trail, newest first. */
  @Get()
  async list(@Query() { limit, nextToken }: PageQuery, @CurrentTenant() tenantId: string) {
    const scope = `${tenantId}:audit`;
    const page = await this.auditLog.list(tenantId, {
      limit,
      after: this.pageTokens.decode(scope, nextToken),
    });
    return { records: page.items, nextToken: this.pageTokens.encode(scope, page.next) };
  }
}
