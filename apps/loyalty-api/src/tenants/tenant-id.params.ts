import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class TenantIdParams {
  @ApiProperty({ pattern: IDENTIFIER_PATTERN.source, example: 'cafe-lumiere' })
  @Matches(IDENTIFIER_PATTERN, { message: 'tenantId must be an identifier of 1-128 letters, digits, _ . : -' })
  tenantId!: string;
}
