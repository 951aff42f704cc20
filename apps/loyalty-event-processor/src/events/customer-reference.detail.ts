import type { CustomerReference } from '@loyalty/domain';
import { IsString, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/**
 * A provider's customer (`customer` of order and customer events). Only the shape is checked here;
 * what a valid email, phone or external id is, and that one of email and external id is given, are
 * the domain's rules (validateCustomerReference).
 */
export class CustomerReferenceDetail implements CustomerReference {
  @IsString() @MaxLength(64) source!: string;
  @IsOptionalNotNull() @IsString() @MaxLength(256) externalId?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(320) email?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(32) phone?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(400) name?: string;
}
