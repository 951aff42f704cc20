import type { Page, PageRequest } from '../shared/page';
import type { WebhookDeliveryRecord, WebhookDeliveryVerdict } from './webhook-delivery-record';
import type { WebhookProviderName } from './webhook-provider';

export interface WebhookDeliveryFilter {
  readonly provider?: WebhookProviderName;
  readonly verdict?: WebhookDeliveryVerdict;
}

/** Port: the raw log's records, one per delivery received, read newest first. */
export interface WebhookDeliveryLog {
  record(record: WebhookDeliveryRecord): Promise<void>;
  get(tenantId: string, id: string): Promise<WebhookDeliveryRecord | undefined>;
  list(tenantId: string, filter: WebhookDeliveryFilter, page: PageRequest): Promise<Page<WebhookDeliveryRecord>>;
}
