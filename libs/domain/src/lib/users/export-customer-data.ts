import type { LedgerNotificationPublisher } from '../jobs/ledger-notification';
import { ok, Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { CustomerPrivacyEventDetail } from '../webhooks/platform-events';
import { CustomerDataExported, customerDataExported } from './customer-data-exported';
import type { ResolveCustomer } from './resolve-customer';
import type { UserRepository } from './user-repository';

/**
 * Use case: a provider's data request (`customer.data_requested`). The customer's GDPR export (the
 * same as `GET /users/{id}/export`) goes out as a `customer.data_exported` notification for the
 * business to fetch; a customer the program does not know gets an answer without data.
 */
export class ExportCustomerData {
  constructor(
    private readonly resolve: Pick<ResolveCustomer, 'lookUp'>,
    private readonly users: Pick<UserRepository, 'exportData'>,
    private readonly notifications: LedgerNotificationPublisher,
  ) {}

  async execute(request: CustomerPrivacyEventDetail): Promise<Result<CustomerDataExported, ValidationError>> {
    const found = await this.resolve.lookUp(request.tenantId, request.customer);
    if (!found.ok) return found;
    const exported = found.value && (await this.users.exportData(request.tenantId, found.value.userId));
    const answer = customerDataExported(request, exported);
    await this.notifications.publish([answer]);
    return ok(answer);
  }
}
