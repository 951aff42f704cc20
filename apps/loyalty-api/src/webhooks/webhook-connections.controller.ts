import { ConfigureWebhookConnection, DynamoDbTenantRepository, DynamoDbWebhookConnections } from '@loyalty/domain';
import { Body, Controller, Delete, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit.decorator';
import { AuditNote } from '../audit/audit-note';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ApiSuccess } from '../docs/api-success.decorator';
import { valueOrThrow } from '../http/domain-errors';
import { assertCanManageTenant } from '../tenants/tenant-access';
import { TenantIdParams } from '../tenants/tenant-id.params';
import { ConnectionParams, WebhookConnectionBody } from './webhooks.dto';
import { connectionView, WebhookConnectionRemovedView, WebhookConnectionsView, WebhookConnectionView } from './webhooks.views';

/**
 * A tenant's connections to the providers (signing secrets and options), managed like the tenant
 * itself: by its owner or an admin, every change audited. Secrets go in, only fingerprints come out.
 */
@ApiTags('webhooks')
@Controller('tenants/:tenantId/webhooks')
@Roles('admin', 'owner')
export class WebhookConnectionsController {
  constructor(
    private readonly tenants: DynamoDbTenantRepository,
    private readonly connections: DynamoDbWebhookConnections,
    private readonly configureConnection: ConfigureWebhookConnection,
  ) {}

  @Get()
  @ApiSuccess(WebhookConnectionsView)
  async list(@Param() { tenantId }: TenantIdParams, @CurrentPrincipal() principal: Principal): Promise<WebhookConnectionsView> {
    assertCanManageTenant(principal, tenantId);
    const [tenant, connections] = await Promise.all([this.tenants.get(tenantId), this.connections.list(tenantId)]);
    if (!tenant) throw new NotFoundException(`No tenant ${tenantId}`);
    return { connections: connections.map(connectionView) };
  }

  @Put(':provider')
  @ApiOperation({ summary: 'Creates or replaces the connection; rotate by sending the new secret and the old one, then the new one alone' })
  @ApiSuccess(WebhookConnectionView)
  async configure(
    @Param() { tenantId, provider }: ConnectionParams,
    @Body() body: WebhookConnectionBody,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<WebhookConnectionView> {
    assertCanManageTenant(principal, tenantId);
    const { before, after } = valueOrThrow(await this.configureConnection.execute(tenantId, provider, body));
    const view = connectionView(after);
    audit.describe({ tenantId, resourceId: provider, ...(before && { before: connectionView(before) }), after: view });
    return view;
  }

  @Delete(':provider')
  @ApiSuccess(WebhookConnectionRemovedView)
  async remove(
    @Param() { tenantId, provider }: ConnectionParams,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<WebhookConnectionRemovedView> {
    assertCanManageTenant(principal, tenantId);
    const connection = await this.connections.get(tenantId, provider);
    if (!connection || !(await this.connections.delete(connection))) {
      throw new NotFoundException(`No ${provider} webhook connection for tenant ${tenantId}`);
    }
    audit.describe({ tenantId, resourceId: provider, before: connectionView(connection) });
    return { provider, deleted: true };
  }
}
