import { IDENTIFIER_PATTERN, type OrderStatus } from '@loyalty/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { PageQuery } from '../http/page-query';

const money = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 } as const;

export class OrderItemBody {
  @IsOptionalNotNull() @IsString() @MaxLength(128) id?: string;
  @IsString() @MaxLength(128) sku!: string;
  @IsOptionalNotNull() @IsString() @MaxLength(128) category?: string;
  @IsNumber(money) @Min(0) price!: number;
  @IsInt() @Min(1) quantity!: number;
}

export class CreateOrderBody {
  @IsOptionalNotNull() @Matches(IDENTIFIER_PATTERN) orderId?: string;
  @Matches(IDENTIFIER_PATTERN) userId!: string;
  @IsNumber(money) @Min(0) amount!: number;
  @IsISO4217CurrencyCode() currency!: string;
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => OrderItemBody)
  items?: OrderItemBody[];
  @IsOptionalNotNull() @IsString() @MaxLength(64) channel?: string;
}

export class RefundItemBody {
  @IsString() @MaxLength(128) id!: string;
  @IsInt() @Min(1) quantity!: number;
}

const CHANGE_STATUSES = ['partially_refunded', 'refunded', 'cancelled'] as const;

/** `{"status": "partially_refunded", "refundAmount": 100.00}` (or `refundItems`), `{"status": "refunded"}`, `{"status": "cancelled"}`. */
export class ChangeOrderBody {
  @IsIn(CHANGE_STATUSES) status!: (typeof CHANGE_STATUSES)[number];
  @ValidateIf((body: ChangeOrderBody) => body.status === 'partially_refunded' && body.refundItems === undefined)
  @IsNumber(money)
  @Min(0.001)
  refundAmount?: number;
  @ValidateIf((body: ChangeOrderBody) => body.status === 'partially_refunded' && body.refundAmount === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RefundItemBody)
  refundItems?: RefundItemBody[];
}

export class OrderIdParams {
  @Matches(IDENTIFIER_PATTERN) orderId!: string;
}

export class ListOrdersQuery extends PageQuery {
  @IsOptional() @Matches(IDENTIFIER_PATTERN) userId?: string;
  @IsOptional() @IsIn(['completed', 'partially_refunded', 'refunded', 'cancelled']) status?: OrderStatus;
}
