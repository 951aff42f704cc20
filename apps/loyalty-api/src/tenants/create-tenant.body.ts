import { IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { ProgramSettingsBody } from './program-settings.body';

export class CreateTenantBody {
  @IsString()
  tenantId!: string;

  @IsString()
  name!: string;

  @IsOptionalNotNull()
  @IsNestedObject(() => ProgramSettingsBody)
  program?: ProgramSettingsBody;
}
