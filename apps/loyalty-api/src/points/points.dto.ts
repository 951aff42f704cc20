import { LEDGER_ENTRY_TYPES, LedgerEntryType } from '@loyalty/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, NotEquals } from 'class-validator';

export class RedeemBody {
  @IsInt() @Min(1) @Max(1_000_000_000) points!: number;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class AdjustBody {
  @IsInt() @NotEquals(0) @Min(-1_000_000_000) @Max(1_000_000_000) points!: number;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class ListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(2048) nextToken?: string;
}

export class HistoryQueryParams extends ListQuery {
  @IsOptional() @IsIn(LEDGER_ENTRY_TYPES) type?: LedgerEntryType;
}
