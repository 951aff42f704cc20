import { CreateTenant, DynamoDbTenantRepository, ProgramSettingsUpdate, UpdateTenant } from '@loyalty/domain';
import { Body, Controller, Get, HttpStatus, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit.decorator';
import { AuditNote } from '../audit/audit-note';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ApiSuccess } from '../docs/api-success.decorator';
import { valueOrThrow } from '../http/domain-errors';
import { CreateTenantBody } from './create-tenant.body';
import { assertCanManageTenant } from './tenant-access';
import { TenantIdParams } from './tenant-id.params';
import { ProgramSettingsDto } from './program-settings.dto';
import { tenantView, TenantView } from './tenant.view';
import { UpdateTenantBody } from './update-tenant.body';

/**
 * Businesses and their program settings. The tenant id in the path is the record itself, not a
 * scope: admins may name any, owners only their own (assertCanManageTenant).
 */
@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(
    private readonly tenants: DynamoDbTenantRepository,
    private readonly createTenant: CreateTenant,
    private readonly updateTenant: UpdateTenant,
  ) {}

  @Post()
  @Roles('admin')
  @ApiSuccess(TenantView, { status: HttpStatus.CREATED })
  async create(@Body() body: CreateTenantBody, @Audit() audit: AuditNote): Promise<TenantView> {
    const tenant = valueOrThrow(
      await this.createTenant.execute({ ...body, program: programUpdate(body.program) }),
    );
    const view = tenantView(tenant);
    audit.describe({ tenantId: tenant.tenantId, resourceId: tenant.tenantId, after: view });
    return view;
  }

  @Get(':tenantId')
  @Roles('admin', 'owner')
  @ApiSuccess(TenantView)
  async get(@Param() { tenantId }: TenantIdParams, @CurrentPrincipal() principal: Principal): Promise<TenantView> {
    assertCanManageTenant(principal, tenantId);
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new NotFoundException(`No tenant ${tenantId}`);
    return tenantView(tenant);
  }

  @Patch(':tenantId')
  @Roles('admin', 'owner')
  @ApiSuccess(TenantView)
  async update(
    @Param() { tenantId }: TenantIdParams,
    @Body() body: UpdateTenantBody,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<TenantView> {
    assertCanManageTenant(principal, tenantId);
    const { before, after } = valueOrThrow(
      await this.updateTenant.execute(tenantId, { name: body.name, program: programUpdate(body.program) }),
    );
    const view = tenantView(after);
    audit.describe({ tenantId, before: tenantView(before), after: view });
    return view;
  }
}

/** The body's shape is checked; each expiry kind's fields are the domain's to check. */
function programUpdate(body: ProgramSettingsDto | undefined): ProgramSettingsUpdate | undefined {
  return body as ProgramSettingsUpdate | undefined;
}
