import { IsInt, IsString } from 'class-validator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';

/** `{"kind": "none"}`, `{"kind": "days_after_earning", "days"}` or `{"kind": "end_of_month_after", "months"}`. */
export class ExpiryPolicyDto {
  @IsString()
  kind!: 'none' | 'days_after_earning' | 'end_of_month_after';

  @IsOptionalNotNull()
  @IsInt()
  days?: number;

  @IsOptionalNotNull()
  @IsInt()
  months?: number;
}
