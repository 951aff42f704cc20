import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { EarnRuleDto } from './earn-rule.dto';
import { ExpiryPolicyDto } from './expiry-policy.dto';

/**
 * A program's settings, each optional in requests (left out: default on creation, unchanged on
 * update) and all present in answers. Only the shape is checked here; the values' ranges are the
 * domain's (updateProgramSettings).
 */
export class ProgramSettingsDto {
  @ApiPropertyOptional({ type: EarnRuleDto, description: 'Default: 1 point per 10 currency units' })
  @IsOptionalNotNull()
  @IsNestedObject(() => EarnRuleDto)
  earnRule?: EarnRuleDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 3660, description: 'Return window: days points stay pending. Default 0' })
  @IsOptionalNotNull()
  @IsInt()
  pendingDays?: number;

  @ApiPropertyOptional({ type: ExpiryPolicyDto, description: 'Default: {"kind": "none"}' })
  @IsOptionalNotNull()
  @IsNestedObject(() => ExpiryPolicyDto)
  expiry?: ExpiryPolicyDto;

  @ApiPropertyOptional({
    enum: ['allow_negative', 'clamp'],
    description: 'When a refund reverses points already spent. Default allow_negative',
  })
  @IsOptionalNotNull()
  @IsString()
  reversalPolicy?: 'allow_negative' | 'clamp';

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Days before expiry a notice goes out. Default 7' })
  @IsOptionalNotNull()
  @IsInt()
  expiringSoonDays?: number;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'IANA time zone of the business. Default UTC' })
  @IsOptionalNotNull()
  @IsString()
  timeZone?: string;

  @ApiPropertyOptional({
    description:
      'Whether a provider event (webhook or platform event) naming a customer the program does not know creates them. ' +
      'When false, such an event waits in the dead-letter queue until the customer signs up. Default true',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  createCustomersFromEvents?: boolean;
}
