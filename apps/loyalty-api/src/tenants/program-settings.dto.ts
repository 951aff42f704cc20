import { IsInt, IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { EarnRuleDto } from './earn-rule.dto';
import { ExpiryPolicyDto } from './expiry-policy.dto';

/**
 * A program's settings, each optional (left out: default on creation, unchanged on update). Only
 * the shape is checked here; the values' ranges are the domain's (updateProgramSettings).
 */
export class ProgramSettingsDto {
  @IsOptionalNotNull()
  @IsNestedObject(() => EarnRuleDto)
  earnRule?: EarnRuleDto;

  @IsOptionalNotNull()
  @IsInt()
  pendingDays?: number;

  @IsOptionalNotNull()
  @IsNestedObject(() => ExpiryPolicyDto)
  expiry?: ExpiryPolicyDto;

  @IsOptionalNotNull()
  @IsString()
  reversalPolicy?: 'allow_negative' | 'clamp';

  @IsOptionalNotNull()
  @IsInt()
  expiringSoonDays?: number;

  @IsOptionalNotNull()
  @IsString()
  timeZone?: string;
}
