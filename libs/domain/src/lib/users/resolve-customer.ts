import type { ProgramSettingsReader } from '../program/program-settings-reader';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { CustomerReference } from '../webhooks/platform-events';
import { validateCustomerReference } from './customer-reference';
import type { RegisterUser } from './register-user';
import { UnresolvedCustomerError } from './unresolved-customer-error';
import { externalIdsProblem } from './user-fields';
import type { ActiveUserProfile, UserProfile } from './user-profile';
import type { UserRepository } from './user-repository';

/** An event's customer: the platform's user id when the producer knows it, else the provider's reference. */
export interface CustomerToResolve {
  readonly tenantId: string;
  readonly userId?: string;
  readonly customer?: CustomerReference;
}

/** How the user was found: named by id, by the provider's id, by email (then linked), or signed up now. */
export type Resolution = 'user_id' | 'external_id' | 'email' | 'created';

export interface ResolvedCustomer {
  readonly userId: string;
  readonly resolution: Resolution;
}

export type ResolutionError = ValidationError | UnresolvedCustomerError;

/** A resolution that lost a race (another event signed the same customer up) starts over this many times. */
const RESOLUTION_ATTEMPTS = 4;
const MAX_NAME_LENGTH = 200;

type Users = Pick<UserRepository, 'findByExternalId' | 'findByEmail' | 'update'>;

/** One attempt's outcome; a lost race or a phone another customer has asks for another attempt. */
type Attempt = Result<ResolvedCustomer, ResolutionError> | 'race_lost' | 'phone_taken';

/**
 * Use case: the platform user a provider event is about. By the provider's id, else by email (the
 * provider's id is then linked to that user), else a new customer signed up through the same path
 * as `POST /users` (unique values, `user.created`, the signup bonus) when the business allows it.
 * Concurrent events about one new customer sign them up once: the losers of the uniqueness race
 * read the winner. Erased customers are never found, linked or brought back.
 */
export class ResolveCustomer {
  private readonly now: () => Date;

  constructor(
    private readonly users: Users,
    private readonly registration: Pick<RegisterUser, 'execute'>,
    private readonly programs: ProgramSettingsReader,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async execute(command: CustomerToResolve): Promise<Result<ResolvedCustomer, ResolutionError>> {
    const { tenantId, userId, customer } = command;
    if ((userId === undefined) === (customer === undefined)) {
      return err(new ValidationError('Name the customer by userId or by customer, not both', { fields: { userId: 'exactly one of userId and customer' } }));
    }
    if (userId !== undefined) return ok({ userId, resolution: 'user_id' });
    const reference = validateCustomerReference(customer as CustomerReference, this.now());
    if (!reference.ok) return reference;
    let withPhone = true;
    for (let attempt = 1; attempt <= RESOLUTION_ATTEMPTS; attempt++) {
      const found = await this.lookUpValid(tenantId, reference.value);
      if (found?.resolution === 'external_id') return ok({ userId: found.user.userId, resolution: 'external_id' });
      const outcome = found ? await this.link(found.user, reference.value) : await this.signUp(tenantId, reference.value, withPhone);
      if (outcome !== 'race_lost' && outcome !== 'phone_taken') return outcome;
      // A phone another customer has is no reason to lose the event: the customer is signed up without it.
      if (outcome === 'phone_taken') withPhone = false;
    }
    throw new ConcurrencyError(`Resolving a customer of ${tenantId} lost ${RESOLUTION_ATTEMPTS} races`, { tenantId, source: reference.value.source });
  }

  /** The active user a reference names, without creating or linking anyone. */
  async lookUp(tenantId: string, customer: CustomerReference): Promise<Result<ActiveUserProfile | undefined, ValidationError>> {
    const reference = validateCustomerReference(customer, this.now());
    if (!reference.ok) return reference;
    return ok((await this.lookUpValid(tenantId, reference.value))?.user);
  }

  private async lookUpValid(tenantId: string, { source, externalId, email }: CustomerReference) {
    const byExternalId = externalId === undefined ? undefined : active(await this.users.findByExternalId(tenantId, source, externalId));
    if (byExternalId) return { user: byExternalId, resolution: 'external_id' as const };
    const byEmail = email === undefined ? undefined : active(await this.users.findByEmail(tenantId, email));
    return byEmail && { user: byEmail, resolution: 'email' as const };
  }

  /**
   * Links the provider's id to the user found by email, unless the user already has an id at that
   * provider (a provider may hold one person twice, e.g. Stripe's guest customers): the first stays.
   */
  private async link(user: ActiveUserProfile, { source, externalId }: CustomerReference): Promise<Attempt> {
    const resolved = ok({ userId: user.userId, resolution: 'email' as const });
    const erased = (cause?: unknown) => err(new UnresolvedCustomerError('ERASED', `User ${user.userId} was erased`, { userId: user.userId }, { cause }));
    if (externalId === undefined || user.externalIds?.[source] !== undefined) return resolved;
    const now = this.now();
    const linked = await this.users.update(user.tenantId, user.userId, (current) => {
      if (current.status !== 'active' || current.externalIds?.[source] !== undefined) return ok(current);
      const externalIds = { ...current.externalIds, [source]: externalId };
      const problem = externalIdsProblem(externalIds);
      if (problem) return err(new ValidationError(`Cannot link another provider id to user ${current.userId}`, { fields: { externalIds: problem } }));
      return ok({ ...current, externalIds, updatedAt: now.toISOString(), version: current.version + 1 });
    });
    if (linked.ok) return linked.value.status === 'active' ? resolved : erased();
    if (linked.error instanceof AlreadyExistsError) return 'race_lost'; // another user took this id meanwhile
    if (linked.error instanceof ValidationError) return err(linked.error);
    return erased(linked.error);
  }

  private async signUp(tenantId: string, { source, externalId, email, phone, name }: CustomerReference, withPhone: boolean): Promise<Attempt> {
    if (!(await this.programs.getProgram(tenantId)).createCustomersFromEvents) {
      return err(
        new UnresolvedCustomerError('CREATION_DISABLED', 'Unknown customer, and the business does not create customers from provider events', { source }),
      );
    }
    if (email === undefined) {
      return err(new UnresolvedCustomerError('NO_EMAIL', 'Unknown customer, and without an email no one to sign up', { source }));
    }
    const signup = await this.registration.execute({
      tenantId,
      request: {
        email,
        name: name ?? nameFromEmail(email),
        ...(phone !== undefined && withPhone && { phone }),
        ...(externalId !== undefined && { externalIds: { [source]: externalId } }),
      },
    });
    if (signup.ok) return ok({ userId: signup.value.user.userId, resolution: 'created' });
    if (signup.error instanceof AlreadyExistsError) return signup.error.details['field'] === 'phone' ? 'phone_taken' : 'race_lost';
    if (signup.error instanceof ValidationError) return err(signup.error);
    throw signup.error; // no Idempotency-Key is given, so no idempotency conflict can arise
  }
}

const active = (profile: UserProfile | undefined) => (profile?.status === 'active' ? profile : undefined);

/** A provider that sends no name: the email's local part stands in until the customer gives one. */
function nameFromEmail(email: string): string {
  return email.slice(0, email.indexOf('@')).slice(0, MAX_NAME_LENGTH) || email.slice(0, MAX_NAME_LENGTH);
}
