import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';

/** `points` for every whole `perAmount` currency units spent (ranges: see the domain). */
export class EarnRuleDto {
  @ApiProperty({ minimum: 0, maximum: 1_000_000, example: 1 })
  @IsInt()
  points!: number;

  @ApiProperty({ minimum: 1, maximum: 1_000_000, example: 10, description: 'Whole currency units per step' })
  @IsInt()
  perAmount!: number;
}
