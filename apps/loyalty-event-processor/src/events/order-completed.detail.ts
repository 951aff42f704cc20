import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { Type } from 'class-transformer';
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
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCustomerReference } from './is-customer-reference.decorator';
import { CustomerReferenceDetail } from './customer-reference.detail';
import { OrderEventDetail } from './order-event.detail';

export class OrderItemDetail {
  @IsString() @MaxLength(128) sku!: string;
  @IsOptional() @IsString() @MaxLength(128) category?: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) price!: number;
  @IsInt() @Min(1) quantity!: number;
}

/** Refuses `customer` next to a `userId`: an order names its customer one way. */
const IsNotGivenWithUserId = () =>
  ValidateBy({
    name: 'isNotGivenWithUserId',
    validator: {
      validate: (_value, args) => (args?.object as OrderCompletedDetail).userId === undefined,
      defaultMessage: () => 'give userId or customer, not both',
    },
  });

/**
 * `detail` of an `order.completed` event (SPEC "Events"): the customer is the platform's `userId`
 * when the producer knows it, else a provider's `customer` reference; exactly one of the two.
 * Unknown fields are tolerated.
 */
export class OrderCompletedDetail extends OrderEventDetail {
  @ValidateIf((detail: OrderCompletedDetail) => detail.userId !== undefined || detail.customer === undefined)
  @Matches(IDENTIFIER_PATTERN)
  userId?: string;

  @ValidateIf((detail: OrderCompletedDetail) => detail.customer !== undefined || detail.userId === undefined)
  @IsCustomerReference()
  @IsNotGivenWithUserId()
  customer?: CustomerReferenceDetail;

  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) amount!: number;
  @IsISO4217CurrencyCode() currency!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => OrderItemDetail)
  items?: OrderItemDetail[];
  @IsOptional() @IsString() @MaxLength(64) channel?: string;
}
