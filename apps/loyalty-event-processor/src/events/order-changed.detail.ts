import { Type } from 'class-transformer';
import { OrderEventDetail } from './order-event.detail';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class RefundedItemDetail {
  @IsString() @MaxLength(128) id!: string;
  @IsInt() @Min(1) quantity!: number;
}

/**
 * `detail` of `order.refunded`: an `amount` or `items` for a partial refund, neither for a full
 * one. `refundId` (or else `eventId`) identifies the refund, so a redelivery takes nothing twice.
 */
export class OrderRefundedDetail extends OrderEventDetail {
  @IsOptional() @IsString() @MaxLength(256) refundId?: string;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) amount?: number;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => RefundedItemDetail)
  items?: RefundedItemDetail[];
}
