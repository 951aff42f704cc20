import { Logger } from '@aws-lambda-powertools/logger';
import { ExportCustomerData, ProviderErasure } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import { CustomerPrivacyDetail } from './customer-privacy.detail';
import type { ReceivedEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { TenantRedactedDetail } from './tenant-redacted.detail';
import { validateDetail } from './validate-detail';

/** GDPR requests providers forward (Shopify's mandatory privacy topics). */
@Injectable()
export class PrivacyEventsHandler implements EventFamilyHandler {
  readonly types = ['customer.data_requested', 'customer.redacted', 'tenant.redacted'];

  constructor(
    private readonly exportData: ExportCustomerData,
    private readonly erasure: ProviderErasure,
    private readonly logger: Logger,
  ) {}

  async handle(event: ReceivedEvent): Promise<void> {
    switch (event.type) {
      case 'customer.data_requested': {
        const detail = await validateDetail(CustomerPrivacyDetail, event.detail);
        const answer = await this.exportData.execute(detail);
        if (!answer.ok) throw EventRejectedError.from(answer.error);
        const { tenantId, eventId, userId, ledgerEntriesOmitted } = answer.value;
        this.logger.info('Customer data exported', { tenantId, requestEventId: detail.eventId, eventId, userId, ledgerEntriesOmitted });
        return;
      }
      case 'customer.redacted': {
        const detail = await validateDetail(CustomerPrivacyDetail, event.detail);
        const erased = await this.erasure.eraseCustomer(detail);
        if (!erased.ok) throw EventRejectedError.from(erased.error);
        this.logger.info(erased.value.userId ? 'Customer erased' : 'Customer to erase is not known', { tenantId: detail.tenantId, eventId: detail.eventId, ...erased.value });
        return;
      }
      case 'tenant.redacted': {
        const detail = await validateDetail(TenantRedactedDetail, event.detail);
        const erased = await this.erasure.eraseProviderCustomers(detail);
        if (!erased.ok) throw EventRejectedError.from(erased.error);
        this.logger.info(erased.value.continued ? "Provider's customers partly erased; the rest follows" : "Provider's customers erased", {
          tenantId: detail.tenantId,
          eventId: detail.eventId,
          source: detail.source,
          ...erased.value,
        });
        return;
      }
    }
  }
}
