import type { EventPublisher } from '../events/event-publisher';
import { LOYALTY_PROCESSOR_SOURCE } from '../events/outbound-event';
import { newId } from '../shared/ids';
import type { PagePosition } from '../shared/page';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { CustomerPrivacyEventDetail, InboundEventDetail } from '../webhooks/platform-events';
import type { EraseUser } from './erase-user';
import type { ResolveCustomer } from './resolve-customer';
import { providerProblem } from './user-fields';
import type { UserRepository } from './user-repository';

export type ProviderRedaction = InboundEventDetail & { readonly source: string };

export interface ProviderErasureOptions {
  /** Users erased by one run of a provider's redaction; the rest is handed to the next run. */
  readonly usersPerRun?: number;
  readonly pageSize?: number;
  readonly now?: () => Date;
}

/**
 * Use case: GDPR erasure a provider asks for (Shopify's `customers/redact` and `shop/redact`): one
 * customer, or every customer of the tenant linked to the provider. Erasure is the same as
 * `DELETE /users/{id}` (EraseUser) and idempotent, so any redelivery is harmless.
 */
export class ProviderErasure {
  private readonly usersPerRun: number;
  private readonly pageSize: number;
  private readonly now: () => Date;

  constructor(
    private readonly resolve: Pick<ResolveCustomer, 'lookUp'>,
    private readonly users: Pick<UserRepository, 'listLinkedTo'>,
    private readonly eraseUser: Pick<EraseUser, 'execute'>,
    /** The events queue, to hand a large redaction's rest to a later run. */
    private readonly events: EventPublisher,
    options: ProviderErasureOptions = {},
  ) {
    this.usersPerRun = options.usersPerRun ?? 200;
    this.pageSize = options.pageSize ?? 25;
    this.now = options.now ?? (() => new Date());
  }

  /** `customer.redacted`: the user the reference names, if the program knows them. */
  async eraseCustomer(request: CustomerPrivacyEventDetail): Promise<Result<{ readonly userId?: string }, ValidationError>> {
    const found = await this.resolve.lookUp(request.tenantId, request.customer);
    if (!found.ok) return found;
    if (!found.value) return ok({});
    await this.erase(request.tenantId, found.value.userId);
    return ok({ userId: found.value.userId });
  }

  /**
   * `tenant.redacted`: every user linked to the provider, a bounded number per run. When users
   * remain, the same redaction goes back to the events queue and the next run carries on (erased
   * users are no longer linked, so it starts from the first page again).
   */
  async eraseProviderCustomers(
    request: ProviderRedaction,
  ): Promise<Result<{ readonly erased: number; readonly continued: boolean }, ValidationError>> {
    const { tenantId, source } = request;
    const problem = providerProblem(source);
    if (problem) return err(new ValidationError('Invalid provider', { fields: { source: problem } }));
    let erased = 0;
    let after: PagePosition | undefined;
    do {
      const page = await this.users.listLinkedTo(tenantId, source, { limit: Math.min(this.pageSize, this.usersPerRun - erased), after });
      for (const userId of page.items) await this.erase(tenantId, userId);
      erased += page.items.length;
      after = page.next;
    } while (after && erased < this.usersPerRun);
    if (after) await this.events.publish({ id: newId('evt'), type: 'tenant.redacted', source: LOYALTY_PROCESSOR_SOURCE, time: this.now().toISOString(), detail: request });
    return ok({ erased, continued: after !== undefined });
  }

  /** A user gone from the store meanwhile has nothing left to erase; anything else is a fault worth a retry. */
  private async erase(tenantId: string, userId: string): Promise<void> {
    const erased = await this.eraseUser.execute(tenantId, userId);
    if (!erased.ok && erased.error.code !== 'NOT_FOUND') throw erased.error;
  }
}
