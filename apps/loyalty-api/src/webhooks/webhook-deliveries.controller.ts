import { DynamoDbWebhookDeliveries, ReplayWebhookDelivery } from '@loyalty/domain';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiSuccess } from '../docs/api-success.decorator';
import { valueOrThrow } from '../http/domain-errors';
import { PageTokenCodec } from '../http/page-token';
import { DeliveryIdParams, DeliveryPageQuery } from './webhooks.dto';
import { deliveryView, WebhookDeliveryPageView, WebhookReplayView } from './webhooks.views';

/** The raw log of the tenant's webhook deliveries, for support: what arrived, what became of it, replay. */
@ApiTags('webhooks')
@Controller('webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(
    private readonly deliveries: DynamoDbWebhookDeliveries,
    private readonly replayDelivery: ReplayWebhookDelivery,
    private readonly pageTokens: PageTokenCodec,
  ) {}

  @Get()
  @Roles('owner', 'staff', 'admin')
  @ApiOperation({ summary: 'Deliveries received, accepted or not, newest first' })
  @ApiSuccess(WebhookDeliveryPageView)
  async list(@Query() { provider, verdict, limit, nextToken }: DeliveryPageQuery, @CurrentTenant() tenantId: string): Promise<WebhookDeliveryPageView> {
    const scope = `${tenantId}:webhook-deliveries:${provider ?? ''}:${verdict ?? ''}`;
    const page = await this.deliveries.list(tenantId, { provider, verdict }, { limit, after: this.pageTokens.decode(scope, nextToken) });
    return { deliveries: page.items.map(deliveryView), nextToken: this.pageTokens.encode(scope, page.next) };
  }

  @Post(':id/replay')
  @Roles('owner', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Enqueues an accepted delivery's events again, mapped from its stored body (applied once all the same)" })
  @ApiSuccess(WebhookReplayView)
  async replay(@Param() { id }: DeliveryIdParams, @CurrentTenant() tenantId: string): Promise<WebhookReplayView> {
    return valueOrThrow(await this.replayDelivery.execute(tenantId, id));
  }
}
