import { ProgramSettings } from './program-settings';

/** Port: a tenant's program, with the defaults for anything the tenant has not set. */
export interface ProgramSettingsReader {
  getProgram(tenantId: string): Promise<ProgramSettings>;
}
