import { IDENTIFIER_PATTERN, WEBHOOK_DELIVERY_VERDICTS, WEBHOOK_PROVIDER_NAMES, type SignatureVersion, type WebhookDeliveryVerdict, type WebhookProviderName } from '@loyalty/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { PageQuery } from '../http/page-query';

const IDENTIFIER_MESSAGE = 'an identifier of 1-128 letters, digits, _ . : -';

/** `POST /webhooks/{provider}`: any name; one no provider has is a 404. */
export class IntakeProviderParams {
  @ApiProperty({ enum: WEBHOOK_PROVIDER_NAMES, example: 'shopify' })
  @IsString()
  @MaxLength(64)
  provider!: string;
}

export class IntakeTenantParams extends IntakeProviderParams {
  @ApiProperty({ pattern: IDENTIFIER_PATTERN.source, example: 'cafe-lumiere' })
  @Matches(IDENTIFIER_PATTERN, { message: `tenantId must be ${IDENTIFIER_MESSAGE}` })
  tenantId!: string;
}

export class ConnectionParams {
  @ApiProperty({ pattern: IDENTIFIER_PATTERN.source, example: 'cafe-lumiere' })
  @Matches(IDENTIFIER_PATTERN, { message: `tenantId must be ${IDENTIFIER_MESSAGE}` })
  tenantId!: string;

  @ApiProperty({ enum: WEBHOOK_PROVIDER_NAMES })
  @IsIn(WEBHOOK_PROVIDER_NAMES)
  provider!: WebhookProviderName;
}

/** The secrets are checked by the domain (count, length, distinct); here only their shape. */
export class WebhookConnectionBody {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 2,
    description: 'Signing secrets; while rotating, the new one and the old one (a signature by either is valid)',
    example: ['whsec_8f2b1c0d9e7a6b5c4d3e2f1a0b9c8d7e'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  secrets!: string[];

  @ApiPropertyOptional({ type: [String], enum: ['v1', 'v2', 'v3'], description: 'HubSpot only; v3 when left out' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(['v1', 'v2', 'v3'], { each: true })
  signatureVersions?: SignatureVersion[];

  @ApiPropertyOptional({ example: 'cafe-lumiere.myshopify.com', description: 'Shopify only: routes POST /webhooks/shopify by X-Shopify-Shop-Domain' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(255)
  shopDomain?: string;
}

export class DeliveryPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_PROVIDER_NAMES })
  @IsOptional()
  @IsIn(WEBHOOK_PROVIDER_NAMES)
  provider?: WebhookProviderName;

  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_VERDICTS })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_VERDICTS)
  verdict?: WebhookDeliveryVerdict;
}

export class DeliveryIdParams {
  @ApiProperty({ example: 'dlv_01JDQ7ZK3Y6G5N8RV4XWQ2T9AB' })
  @Matches(/^dlv_[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'id must be a delivery id (dlv_…)' })
  id!: string;
}
