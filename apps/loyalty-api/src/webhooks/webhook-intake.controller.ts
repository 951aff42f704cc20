import { ReceiveWebhook, WebhookRejectedError, type RawDelivery } from '@loyalty/domain';
import { BadRequestException, Controller, HttpCode, HttpException, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { ApiSuccess } from '../docs/api-success.decorator';
import { httpExceptionFor } from '../http/domain-errors';
import { IntakeProviderParams, IntakeTenantParams } from './webhooks.dto';
import { WebhookReceiptView } from './webhooks.views';

const RAW_BODY = { description: 'The delivery exactly as the provider sends it (signed over these bytes)', schema: { type: 'string', format: 'binary' } };

/**
 * Provider deliveries. No bearer token: the signature is the credential, checked over the raw
 * bytes by the provider's adapter with the tenant's secrets. Answered 200 once the events are on
 * the queue (or the delivery is known); the processor does the ledger work.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class WebhookIntakeController {
  constructor(private readonly receiveWebhook: ReceiveWebhook) {}

  @Post(':provider/:tenantId')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "A provider's delivery for one tenant (stripe, shopify, hubspot, custom)" })
  @ApiConsumes('application/json')
  @ApiBody(RAW_BODY)
  @ApiSuccess(WebhookReceiptView)
  forTenant(@Param() { provider, tenantId }: IntakeTenantParams, @Req() request: Request): Promise<WebhookReceiptView> {
    return this.receive(provider, tenantId, request);
  }

  @Post(':provider')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "A Shopify app's delivery, routed to the tenant by its shop domain; 404 for other providers" })
  @ApiHeader({ name: 'X-Shopify-Shop-Domain', required: true, example: 'cafe-lumiere.myshopify.com' })
  @ApiConsumes('application/json')
  @ApiBody(RAW_BODY)
  @ApiSuccess(WebhookReceiptView)
  forShop(@Param() { provider }: IntakeProviderParams, @Req() request: Request): Promise<WebhookReceiptView> {
    return this.receive(provider, undefined, request);
  }

  private async receive(provider: string, tenantId: string | undefined, request: Request): Promise<WebhookReceiptView> {
    const receipt = await this.receiveWebhook.execute({ provider, tenantId, raw: rawDeliveryOf(request, new Date()) });
    if (!receipt.ok) throw intakeException(receipt.error);
    return receipt.value;
  }
}

/** A refused signature is a 401, a delivery that cannot be read a 400; the rest as every domain error. */
function intakeException(error: Parameters<typeof httpExceptionFor>[0]): HttpException {
  if (!(error instanceof WebhookRejectedError)) return httpExceptionFor(error);
  if (error.reason === 'MALFORMED') return new BadRequestException({ message: error.message, details: error.details }, { cause: error });
  return httpExceptionFor(error);
}

/** The request as the provider sent it: the URL it called (HubSpot signs it), its headers, its bytes. */
function rawDeliveryOf(request: Request, receivedAt: Date): RawDelivery {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
  const forwardedProto = headers['x-forwarded-proto']?.split(',')[0]?.trim();
  return {
    method: request.method,
    url: `${forwardedProto || request.protocol}://${headers['host'] ?? ''}${request.originalUrl}`,
    headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    receivedAt,
  };
}
