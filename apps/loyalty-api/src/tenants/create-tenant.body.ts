import { IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { ProgramSettingsDto } from './program-settings.dto';

export class CreateTenantBody {
  @IsString()
  tenantId!: string;

  @IsString()
  name!: string;

  @IsOptionalNotNull()
  @IsNestedObject(() => ProgramSettingsDto)
  program?: ProgramSettingsDto;
}
