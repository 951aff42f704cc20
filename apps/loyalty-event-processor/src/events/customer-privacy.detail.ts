import { IsCustomerReference } from './is-customer-reference.decorator';
import { CustomerReferenceDetail } from './customer-reference.detail';
import { IdentifiedEventDetail } from './event.detail';

/** `detail` of `customer.data_requested` and `customer.redacted`; the answer to a request is keyed on its eventId. */
export class CustomerPrivacyDetail extends IdentifiedEventDetail {
  @IsCustomerReference() customer!: CustomerReferenceDetail;
}
