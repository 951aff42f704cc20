import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { Matches } from 'class-validator';

export class TenantIdParams {
  @Matches(IDENTIFIER_PATTERN, { message: 'tenantId must be an identifier of 1-128 letters, digits, _ . : -' })
  tenantId!: string;
}
