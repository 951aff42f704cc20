import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** What every order event's `detail` names: the tenant, the producer's event id and the order. */
export class OrderEventDetail {
  @Matches(IDENTIFIER_PATTERN) tenantId!: string;
  @IsOptional() @IsString() @MaxLength(256) eventId?: string;
  @Matches(IDENTIFIER_PATTERN) orderId!: string;
}
