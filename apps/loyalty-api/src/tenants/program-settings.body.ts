import { IsInt, IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { EarnRuleBody } from './earn-rule.body';
import { ExpiryPolicyBody } from './expiry-policy.body';

/**
 * A program's settings, each optional (left out: default on creation, unchanged on update). Only
 * the shape is checked here; the values' ranges are the domain's (updateProgramSettings).
 */
export class ProgramSettingsBody {
  @IsOptionalNotNull()
  @IsNestedObject(() => EarnRuleBody)
  earnRule?: EarnRuleBody;

  @IsOptionalNotNull()
  @IsInt()
  pendingDays?: number;

  @IsOptionalNotNull()
  @IsNestedObject(() => ExpiryPolicyBody)
  expiry?: ExpiryPolicyBody;

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
