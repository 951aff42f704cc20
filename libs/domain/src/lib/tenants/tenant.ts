import { ProgramSettings } from '../program/program-settings';

/** A business running its own loyalty program; every other record belongs to exactly one. */
export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly program: ProgramSettings;
  /** 1 when created, one more per change: a change is stored only over the version it was based on. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
