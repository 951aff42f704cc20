import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsUpdate, updateProgramSettings } from '../program/program-settings-update';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';

/** What an admin or the tenant's owner may change; unset fields keep their value. */
export interface TenantChanges {
  readonly name?: string;
  readonly program?: ProgramSettingsUpdate;
}

export interface TenantProfile {
  readonly name: string;
  readonly program: ProgramSettings;
}

export const TENANT_NAME_MAX_LENGTH = 200;

/** The profile after `changes`, or one ValidationError listing every problem with them. */
export function applyTenantChanges(
  current: TenantProfile,
  changes: TenantChanges,
): Result<TenantProfile, ValidationError> {
  const problems: Record<string, string> = {};
  const name = (changes.name ?? current.name).trim();
  if (name.length === 0 || name.length > TENANT_NAME_MAX_LENGTH) {
    problems['name'] = `1–${TENANT_NAME_MAX_LENGTH} characters`;
  }
  const program = updateProgramSettings(current.program, changes.program ?? {});
  if (!program.ok) {
    const fields = program.error.details['fields'] as Record<string, string>;
    for (const [field, problem] of Object.entries(fields)) problems[`program.${field}`] = problem;
  }
  if (!program.ok || Object.keys(problems).length > 0) {
    return err(new ValidationError('Invalid tenant', { fields: problems }));
  }
  return ok({ name, program: program.value });
}
