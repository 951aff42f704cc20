import { LEDGER_ENTRY_TYPES, type LedgerEntryType } from '@loyalty/domain';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { PageQuery } from '../http/page-query';

export class RedeemBody {
  @IsInt() @Min(1) @Max(1_000_000_000) points!: number;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class AdjustBody {
  @IsInt() @NotEquals(0) @Min(-1_000_000_000) @Max(1_000_000_000) points!: number;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class HistoryQueryParams extends PageQuery {
  @IsOptional() @IsIn(LEDGER_ENTRY_TYPES) type?: LedgerEntryType;
}
