import { EventDelivery } from '../events/event-delivery';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { newId } from '../shared/ids';
import { ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { generateReferralCode } from './referral-code';
import { SignupBonus } from './signup-bonus';
import { userCreatedEvent } from './user-created-event';
import { ActiveUserProfile } from './user-profile';
import { newUserProfile, registrationFingerprint, UserRegistrationRequest, validateRegistration } from './user-registration';
import { StoredSignup, UserRepository } from './user-repository';

export interface RegisterUserCommand {
  readonly tenantId: string;
  readonly request: UserRegistrationRequest;
  /** The client's Idempotency-Key: the same key and request answer with the first result. */
  readonly idempotencyKey?: string;
}

export interface Signup {
  readonly user: ActiveUserProfile;
  /** What the signup bonus will credit once `user.created` is processed. */
  readonly welcomePoints: number;
  readonly replayed: boolean;
  /** Why `user.created` could not be published now; it stays in the outbox for the relay. */
  readonly eventDeliveryError?: unknown;
}

export interface RegisterUserOptions {
  readonly now?: () => Date;
  readonly referralCodes?: () => string;
}

/** A freshly drawn referral code that is taken already is drawn again, this many times at most. */
const REFERRAL_CODE_ATTEMPTS = 5;

/**
 * Use case: signs a customer up. The profile, the records that keep email, phone and referral code
 * unique, and the `user.created` event are stored in one transaction; the event is then published
 * and, should that fail, left in the outbox for the relay: it is never lost.
 */
export class RegisterUser {
  private readonly now: () => Date;
  private readonly referralCodes: () => string;

  constructor(
    private readonly users: Pick<UserRepository, 'register'>,
    private readonly signupBonus: SignupBonus,
    private readonly delivery: EventDelivery,
    options: RegisterUserOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.referralCodes = options.referralCodes ?? (() => generateReferralCode());
  }

  async execute(
    command: RegisterUserCommand,
  ): Promise<Result<Signup, ValidationError | AlreadyExistsError | IdempotencyConflictError>> {
    const now = this.now();
    const registration = validateRegistration(command.request, now);
    if (!registration.ok) return registration;
    const welcomePoints = await this.signupBonus.welcomePoints(command.tenantId);
    const idempotency =
      command.idempotencyKey === undefined
        ? undefined
        : { key: command.idempotencyKey, requestHash: registrationFingerprint(registration.value) };
    for (let attempt = 1; ; attempt++) {
      const identity = { userId: newId('user', now.getTime()), referralCode: this.referralCodes() };
      const profile = newUserProfile(command.tenantId, registration.value, identity, now);
      const event = userCreatedEvent(profile, newId('evt', now.getTime()));
      const stored = await this.users.register({ profile, event, welcomePoints, idempotency });
      if (stored.ok) return ok(await this.announce(stored.value));
      if (!isReferralCodeClash(stored.error) || attempt >= REFERRAL_CODE_ATTEMPTS) return stored;
    }
  }

  /** Publishes the pending event; a repeated request re-sends one that is still pending. */
  private async announce({ user, welcomePoints, replayed, pendingEvent }: StoredSignup): Promise<Signup> {
    const signup = { user, welcomePoints, replayed };
    if (!pendingEvent) return signup;
    try {
      await this.delivery.deliver(pendingEvent);
      return signup;
    } catch (error) {
      return { ...signup, eventDeliveryError: error };
    }
  }
}

function isReferralCodeClash(error: ValidationError | AlreadyExistsError | IdempotencyConflictError): boolean {
  return error instanceof AlreadyExistsError && error.details['field'] === 'referralCode';
}
