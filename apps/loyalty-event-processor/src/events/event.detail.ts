import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Every event's `detail` names its tenant (SPEC "Events"). */
class TenantScopedDetail {
  @Matches(IDENTIFIER_PATTERN) tenantId!: string;
}

/** A `detail` with the producer's event id, when it sends one. */
export class EventDetail extends TenantScopedDetail {
  @IsOptional() @IsString() @MaxLength(256) eventId?: string;
}

/** A `detail` that must carry the producer's event id: what the event causes is keyed on it. */
export class IdentifiedEventDetail extends TenantScopedDetail {
  @IsString() @MaxLength(256) eventId!: string;
}
