import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { CustomerReferenceDetail } from './customer-reference.detail';

/** A nested `customer` reference, validated field by field. */
export function IsCustomerReference(): PropertyDecorator {
  return (target, property) => {
    IsObject()(target, property);
    ValidateNested()(target, property);
    Type(() => CustomerReferenceDetail)(target, property);
  };
}
