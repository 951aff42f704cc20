import { IsInt } from 'class-validator';

/** `points` for every whole `perAmount` currency units spent (ranges: see the domain). */
export class EarnRuleBody {
  @IsInt()
  points!: number;

  @IsInt()
  perAmount!: number;
}
