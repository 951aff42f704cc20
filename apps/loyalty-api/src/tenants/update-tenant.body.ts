import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { ProgramSettingsDto } from './program-settings.dto';

/** Only the fields sent change; within `program`, each setting sent replaces the stored one. */
export class UpdateTenantBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ type: ProgramSettingsDto })
  @IsOptionalNotNull()
  @IsNestedObject(() => ProgramSettingsDto)
  program?: ProgramSettingsDto;
}
