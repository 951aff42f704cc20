import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { normalizeEmail, userFieldProblems } from './user-fields';
import { ActiveUserProfile, ErasedUserProfile, UserProfile } from './user-profile';
import { UserErasedError } from './user-erased-error';

/** A partial change of a profile; unset fields keep their value, `null` removes an optional one. */
export interface ProfileChanges {
  readonly email?: string;
  readonly name?: string;
  readonly phone?: string | null;
  readonly birthday?: string | null;
}

/**
 * The profile after the changes, with a new version; the same object when nothing actually
 * changes, so that no write is needed.
 */
export function applyProfileChanges(
  current: UserProfile,
  changes: ProfileChanges,
  now: Date,
): Result<UserProfile, ValidationError | UserErasedError> {
  if (current.status === 'erased') {
    return err(new UserErasedError(`User ${current.userId} was erased`, { userId: current.userId }));
  }
  const { email, name, phone, birthday } = changes;
  if ([email, name, phone, birthday].every((value) => value === undefined)) {
    return err(new ValidationError('Nothing to change: give email, name, phone or birthday'));
  }
  const problems = userFieldProblems(
    { email, name, phone: phone ?? undefined, birthday: birthday ?? undefined },
    now,
  );
  if (Object.keys(problems).length > 0) {
    return err(new ValidationError('Invalid user', { fields: problems }));
  }
  const { phone: currentPhone, birthday: currentBirthday, ...unchanged } = current;
  const next: ActiveUserProfile = {
    ...unchanged,
    email: email === undefined ? current.email : normalizeEmail(email),
    name: name === undefined ? current.name : name.trim(),
    ...optional('phone', phone === undefined ? currentPhone : phone),
    ...optional('birthday', birthday === undefined ? currentBirthday : birthday),
  };
  const changed = (['email', 'name', 'phone', 'birthday'] as const).some((field) => next[field] !== current[field]);
  if (!changed) return ok(current);
  return ok({ ...next, updatedAt: now.toISOString(), version: current.version + 1 });
}

/**
 * GDPR erasure: every piece of personal data goes, the id and the anonymous amounts stay. Erasing
 * an erased profile changes nothing.
 */
export function eraseProfile(current: UserProfile, now: Date): ErasedUserProfile {
  if (current.status === 'erased') return current;
  const erasedAt = now.toISOString();
  return {
    tenantId: current.tenantId,
    userId: current.userId,
    status: 'erased',
    createdAt: current.createdAt,
    updatedAt: erasedAt,
    erasedAt,
    version: current.version + 1,
  };
}

const optional = <Field extends string>(field: Field, value: string | null | undefined) =>
  (value === null || value === undefined ? {} : { [field]: value }) as Partial<Record<Field, string>>;
