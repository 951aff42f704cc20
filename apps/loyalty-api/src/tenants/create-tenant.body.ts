import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsNestedObject } from '../http/is-nested-object.decorator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { ProgramSettingsDto } from './program-settings.dto';

export class CreateTenantBody {
  @ApiProperty({ pattern: '^[A-Za-z0-9_.:-]{1,128}$', example: 'cafe-lumiere', description: "The tenantId of its users' tokens" })
  @IsString()
  tenantId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Café Lumière' })
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: ProgramSettingsDto })
  @IsOptionalNotNull()
  @IsNestedObject(() => ProgramSettingsDto)
  program?: ProgramSettingsDto;
}
