import { IsString, MaxLength } from 'class-validator';
import { IsCustomerReference } from './is-customer-reference.decorator';
import { CustomerReferenceDetail } from './customer-reference.detail';
import { EventDetail } from './event.detail';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/** `detail` of `customer.created` and `customer.updated`. */
export class CustomerEventDetail extends EventDetail {
  @IsCustomerReference() customer!: CustomerReferenceDetail;
  /** `YYYY-MM-DD` or `MM-DD`; the domain checks the date. */
  @IsOptionalNotNull() @IsString() @MaxLength(10) birthday?: string;
}
