import type { ProgramSettings, Tenant } from '@loyalty/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ProgramSettingsDto } from './program-settings.dto';

/** A tenant as the API shows it (its version is the store's business). */
export class TenantView {
  @ApiProperty({ example: 'cafe-lumiere' })
  tenantId!: string;

  @ApiProperty({ example: 'Café Lumière' })
  name!: string;

  @ApiProperty({ type: ProgramSettingsDto, description: 'Every setting, defaults included' })
  program!: ProgramSettings;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export function tenantView({ tenantId, name, program, createdAt, updatedAt }: Tenant): TenantView {
  return { tenantId, name, program, createdAt, updatedAt };
}
