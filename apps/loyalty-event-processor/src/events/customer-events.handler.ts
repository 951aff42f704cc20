import { Logger } from '@aws-lambda-powertools/logger';
import { SyncCustomerProfile, UnresolvedCustomerError } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import { CustomerEventDetail } from './customer-event.detail';
import type { ReceivedEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { validateDetail } from './validate-detail';

/** `customer.created` and `customer.updated` from a provider. */
@Injectable()
export class CustomerEventsHandler implements EventFamilyHandler {
  readonly types = ['customer.created', 'customer.updated'];

  constructor(
    private readonly syncCustomer: SyncCustomerProfile,
    private readonly logger: Logger,
  ) {}

  /**
   * A customer the program will not hold (the business creates no customers from events, there is
   * no email to sign them up with, or they were erased) is skipped: these events carry no points,
   * so there is nothing to keep for later. A conflict (another customer's email or phone) is refused.
   */
  async handle(event: ReceivedEvent): Promise<void> {
    const detail = await validateDetail(CustomerEventDetail, event.detail);
    const context = { type: event.type, tenantId: detail.tenantId, eventId: detail.eventId, source: detail.customer.source };
    const synced = await this.syncCustomer.execute(detail);
    if (!synced.ok) {
      if (!(synced.error instanceof UnresolvedCustomerError)) throw EventRejectedError.from(synced.error);
      this.logger.info('Customer event skipped', { ...context, reason: synced.error.reason, message: synced.error.message });
      return;
    }
    this.logger.info(synced.value.changed ? 'Customer profile synced' : 'Customer profile already up to date', { ...context, ...synced.value });
  }
}
