import type { AlreadyExistsError } from '../shared/already-exists-error';
import type { NotFoundError } from '../shared/not-found-error';
import { ok, Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { CustomerEventDetail } from '../webhooks/platform-events';
import { applyProfileChanges, ProfileChanges } from './profile-changes';
import type { Resolution, ResolutionError, ResolveCustomer } from './resolve-customer';
import type { UserErasedError } from './user-erased-error';
import type { UserRepository } from './user-repository';

export interface SyncedCustomer {
  readonly userId: string;
  readonly resolution: Resolution;
  /** False when the profile already said all this (a redelivery, or an update of other fields). */
  readonly changed: boolean;
}

export type SyncCustomerError = ResolutionError | AlreadyExistsError | UserErasedError | NotFoundError | ValidationError;

/**
 * Use case: `customer.created` / `customer.updated` from a provider. The customer is resolved (and
 * signed up when unknown and the business allows it), then the profile takes the email, phone,
 * name and birthday the provider sent. An email or phone another customer has is a conflict, and
 * a redelivery changes nothing.
 */
export class SyncCustomerProfile {
  private readonly now: () => Date;

  constructor(
    private readonly resolve: Pick<ResolveCustomer, 'execute'>,
    private readonly users: Pick<UserRepository, 'update'>,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async execute(event: Pick<CustomerEventDetail, 'tenantId' | 'customer' | 'birthday'>): Promise<Result<SyncedCustomer, SyncCustomerError>> {
    const { tenantId, customer, birthday } = event;
    const resolved = await this.resolve.execute({ tenantId, customer });
    if (!resolved.ok) return resolved;
    const { userId, resolution } = resolved.value;
    const changes: ProfileChanges = {
      ...(customer.email !== undefined && { email: customer.email }),
      ...(customer.name !== undefined && { name: customer.name }),
      ...(customer.phone !== undefined && { phone: customer.phone }),
      ...(birthday !== undefined && { birthday }),
    };
    if (Object.keys(changes).length === 0) return ok({ userId, resolution, changed: false });
    const now = this.now();
    let changed = false;
    const updated = await this.users.update(tenantId, userId, (current) => {
      const next = applyProfileChanges(current, changes, now);
      changed = next.ok && next.value !== current;
      return next;
    });
    return updated.ok ? ok({ userId, resolution, changed }) : updated;
  }
}
