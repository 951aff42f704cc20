import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { Type } from 'class-transformer';
import { OrderEventDetail } from './order-event.detail';
import {
  ArrayMaxSize,
  IsArray,
  IsISO4217CurrencyCode,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class OrderItemDetail {
  @IsString() @MaxLength(128) sku!: string;
  @IsOptional() @IsString() @MaxLength(128) category?: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) price!: number;
  @IsInt() @Min(1) quantity!: number;
}

/** `detail` of an `order.completed` event (SPEC "Events"). Unknown fields are tolerated. */
export class OrderCompletedDetail extends OrderEventDetail {
  @Matches(IDENTIFIER_PATTERN) userId!: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) amount!: number;
  @IsISO4217CurrencyCode() currency!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => OrderItemDetail)
  items?: OrderItemDetail[];
  @IsOptional() @IsString() @MaxLength(64) channel?: string;
}
