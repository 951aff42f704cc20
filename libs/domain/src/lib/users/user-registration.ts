import { fingerprint } from '../ledger/posting';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { normalizeReferralCode } from '../campaigns/referral';
import { normalizeEmail, userFieldProblems } from './user-fields';
import { ActiveUserProfile, ExternalIds } from './user-profile';

/** A signup as a client, a service or (later) a provider webhook sends it. */
export interface UserRegistrationRequest {
  readonly email: string;
  readonly name: string;
  readonly phone?: string;
  readonly birthday?: string;
  /** The referral code of the customer who referred this one. */
  readonly referredBy?: string;
  readonly externalIds?: ExternalIds;
}

/** The identity a new customer is given: a fresh user id and referral code. */
export interface NewUserIdentity {
  readonly userId: string;
  readonly referralCode: string;
}

/** The request with every field valid and normalized, or every problem at once. */
export function validateRegistration(
  request: UserRegistrationRequest,
  today: Date,
): Result<UserRegistrationRequest, ValidationError> {
  const problems = userFieldProblems(request, today);
  if (Object.keys(problems).length > 0) {
    return err(new ValidationError('Invalid user', { fields: problems }));
  }
  return ok({
    email: normalizeEmail(request.email),
    name: request.name.trim(),
    ...(request.phone !== undefined && { phone: request.phone }),
    ...(request.birthday !== undefined && { birthday: request.birthday }),
    ...(request.referredBy !== undefined && { referredBy: normalizeReferralCode(request.referredBy) ?? request.referredBy }),
    ...(request.externalIds !== undefined && { externalIds: request.externalIds }),
  });
}

/** Fingerprint of a normalized registration: a repeated request matches, any changed field does not. */
export function registrationFingerprint(registration: UserRegistrationRequest): string {
  const { externalIds = {}, ...fields } = registration;
  const providers = Object.entries(externalIds).map(([provider, id]) => [`externalIds.${provider}`, id]);
  return fingerprint({ ...fields, ...Object.fromEntries(providers) });
}

export function newUserProfile(
  tenantId: string,
  registration: UserRegistrationRequest,
  identity: NewUserIdentity,
  now: Date,
): ActiveUserProfile {
  const createdAt = now.toISOString();
  return {
    tenantId,
    userId: identity.userId,
    status: 'active',
    ...registration,
    referralCode: identity.referralCode,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
}
