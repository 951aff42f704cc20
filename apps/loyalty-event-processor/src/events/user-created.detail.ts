import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `detail` of `user.created` (published by the API when a customer signs up). */
export class UserCreatedDetail {
  @Matches(IDENTIFIER_PATTERN) tenantId!: string;
  @IsOptional() @IsString() @MaxLength(256) eventId?: string;
  @Matches(IDENTIFIER_PATTERN) userId!: string;
  @IsOptional() @IsString() @MaxLength(64) referredBy?: string;
  @IsOptional() @IsString() @MaxLength(64) channel?: string;
}
