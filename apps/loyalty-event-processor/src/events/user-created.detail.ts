import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EventDetail } from './event.detail';

/** `detail` of `user.created` (published when a customer signs up). */
export class UserCreatedDetail extends EventDetail {
  @Matches(IDENTIFIER_PATTERN) userId!: string;
  @IsOptional() @IsString() @MaxLength(64) referredBy?: string;
  @IsOptional() @IsString() @MaxLength(64) channel?: string;
}
