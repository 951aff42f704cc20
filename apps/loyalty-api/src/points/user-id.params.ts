import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class UserIdParams {
  @ApiProperty({ pattern: IDENTIFIER_PATTERN.source, example: 'user_123' })
  @Matches(IDENTIFIER_PATTERN, { message: 'userId must be an identifier of 1-128 letters, digits, _ . : -' })
  userId!: string;
}
