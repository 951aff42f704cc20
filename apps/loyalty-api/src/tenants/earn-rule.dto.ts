import { IsInt } from 'class-validator';

/** `points` for every whole `perAmount` currency units spent (ranges: see the domain). */
export class EarnRuleDto {
  @IsInt()
  points!: number;

  @IsInt()
  perAmount!: number;
}
