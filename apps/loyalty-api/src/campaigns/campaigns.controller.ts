import {
  activateCampaign,
  applyCampaignChanges,
  CachedCampaignReader,
  CachedProgramSettingsReader,
  Campaign,
  CampaignStatus,
  campaignStatus,
  ChangeCampaign,
  DomainError,
  DynamoDbCampaignRepository,
  newCampaign,
  newId,
  parseCampaignDefinition,
  pauseCampaign,
  Result,
} from '@loyalty/domain';
import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal, Role } from '../auth/principal';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { httpExceptionFor } from '../http/domain-errors';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { PageTokenCodec } from '../http/page-token';
import { campaignPage } from './campaign-page';
import { campaignView } from './campaign-view';
import { CampaignIdParams, CreateCampaignQuery, ListCampaignsQuery } from './campaigns.dto';

/** Owners run their promotions; staff and systems may read them all; customers see what is active. */
const MANAGING_ROLES: Role[] = ['owner', 'admin'];

/**
 * Campaign bodies are validated by the domain's parser (unknown fields included), not by DTOs, so
 * the API and the stored campaigns share one definition of a valid campaign.
 */
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: DynamoDbCampaignRepository,
    private readonly changeCampaign: ChangeCampaign,
    private readonly campaignCache: CachedCampaignReader,
    private readonly programs: CachedProgramSettingsReader,
    private readonly pageTokens: PageTokenCodec,
  ) {}

  /**
   * The seed's body as given; amounts and dates default to the tenant's currency and time zone.
   * With an Idempotency-Key a retried create answers with the campaign it made the first time.
   */
  @Post()
  @HttpCode(201)
  @Roles(...MANAGING_ROLES)
  async create(
    @Body() body: unknown,
    @Query() { draft }: CreateCampaignQuery,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentTenant() tenantId: string,
  ) {
    const program = await this.programs.getProgram(tenantId);
    const definition = parseCampaignDefinition(body, { currency: program.currency, timeZone: program.timeZone });
    if (!definition.ok) throw httpExceptionFor(definition.error);
    const now = new Date();
    const campaign = newCampaign(newId('camp', now.getTime()), definition.value, draft === 'true' ? 'draft' : 'live');
    const stored = await this.campaigns.createCampaign(tenantId, campaign, idempotencyKey);
    if (!stored.ok) throw httpExceptionFor(stored.error);
    this.campaignCache.forget(tenantId);
    return campaignView(stored.value, now);
  }

  @Get()
  async list(@Query() query: ListCampaignsQuery, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    const status = statusVisibleTo(principal, query.status);
    const scope = `${tenantId}:campaigns:${status ?? '*'}`;
    const now = new Date();
    const campaigns = await this.campaigns.listCampaigns(tenantId);
    const page = campaignPage(
      campaigns.filter((campaign) => status === undefined || campaignStatus(campaign, now) === status),
      query.limit,
      this.pageTokens.decode(scope, query.nextToken),
    );
    return {
      campaigns: page.items.map((campaign) => campaignView(campaign, now)),
      nextToken: this.pageTokens.encode(scope, page.next) ?? null,
    };
  }

  @Get(':campaignId')
  async get(@Param() { campaignId }: CampaignIdParams, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    const campaign = await this.campaigns.getCampaign(tenantId, campaignId);
    const now = new Date();
    // A customer learns nothing of drafts, plans or past campaigns, not even that they exist.
    if (!campaign || (principal.role === 'customer' && campaignStatus(campaign, now) !== 'active')) {
      throw new NotFoundException(`Campaign ${campaignId} not found`);
    }
    return campaignView(campaign, now);
  }

  /** A JSON merge patch over the campaign's body (`null` removes a field); the type cannot change. */
  @Patch(':campaignId')
  @Roles(...MANAGING_ROLES)
  change(@Param() { campaignId }: CampaignIdParams, @Body() changes: unknown, @CurrentTenant() tenantId: string) {
    return this.apply(tenantId, campaignId, (current) => applyCampaignChanges(current, changes));
  }

  @Post(':campaignId/activate')
  @HttpCode(200)
  @Roles(...MANAGING_ROLES)
  activate(@Param() { campaignId }: CampaignIdParams, @CurrentTenant() tenantId: string) {
    return this.apply(tenantId, campaignId, activateCampaign);
  }

  @Post(':campaignId/pause')
  @HttpCode(200)
  @Roles(...MANAGING_ROLES)
  pause(@Param() { campaignId }: CampaignIdParams, @CurrentTenant() tenantId: string) {
    return this.apply(tenantId, campaignId, pauseCampaign);
  }

  private async apply<E extends DomainError>(
    tenantId: string,
    campaignId: string,
    change: (current: Campaign, now: Date) => Result<Campaign, E>,
  ) {
    const now = new Date();
    const changed = await this.changeCampaign.execute(tenantId, campaignId, (current) => change(current, now));
    if (!changed.ok) throw httpExceptionFor(changed.error);
    // Orders credited by this process see the change at once; other processes within the cache's lifetime.
    this.campaignCache.forget(tenantId);
    return campaignView(changed.value, now);
  }
}

/** Customers see the promotions running now: active campaigns only; asking for others is refused. */
function statusVisibleTo(principal: Principal, requested: CampaignStatus | undefined): CampaignStatus | undefined {
  if (principal.role !== 'customer') return requested;
  if (requested !== undefined && requested !== 'active') {
    throw new ForbiddenException('Customers see active campaigns only');
  }
  return 'active';
}
