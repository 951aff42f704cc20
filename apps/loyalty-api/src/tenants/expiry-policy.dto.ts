import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString } from 'class-validator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';

/** `{"kind": "none"}`, `{"kind": "days_after_earning", "days"}` or `{"kind": "end_of_month_after", "months"}`. */
export class ExpiryPolicyDto {
  @ApiProperty({ enum: ['none', 'days_after_earning', 'end_of_month_after'] })
  @IsString()
  kind!: 'none' | 'days_after_earning' | 'end_of_month_after';

  @ApiPropertyOptional({ minimum: 1, maximum: 3660, description: 'Only with kind days_after_earning (and then required)' })
  @IsOptionalNotNull()
  @IsInt()
  days?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Only with kind end_of_month_after (and then required)' })
  @IsOptionalNotNull()
  @IsInt()
  months?: number;
}
