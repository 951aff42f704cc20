import { IsString, MaxLength } from 'class-validator';
import { IdentifiedEventDetail } from './event.detail';

/** `detail` of `tenant.redacted`: erase every customer of the tenant linked to `source`. */
export class TenantRedactedDetail extends IdentifiedEventDetail {
  @IsString() @MaxLength(64) source!: string;
}
