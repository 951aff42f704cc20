import type { WebhookProviderName } from './webhook-provider';
import type { WebhookRejectionReason } from './webhook-rejected-error';

/**
 * accepted: verified, its events enqueued; duplicate: verified, but its delivery id was accepted
 * before (nothing enqueued); rejected: refused at the door (see the reason).
 */
export type WebhookDeliveryVerdict = 'accepted' | 'duplicate' | 'rejected';
export const WEBHOOK_DELIVERY_VERDICTS: readonly WebhookDeliveryVerdict[] = ['accepted', 'duplicate', 'rejected'];

/** Why a delivery was refused: its signature, no connection to check it with, or a payload the adapter cannot map. */
export type WebhookDeliveryRejection = WebhookRejectionReason | 'UNKNOWN_CONNECTION' | 'UNMAPPABLE';

/** One delivery as the raw log keeps it, for support to inspect and replay. */
export interface WebhookDeliveryRecord {
  readonly tenantId: string;
  /** The log's own id (`dlv_…`, sorts by time); deliveries that never verified have only this one. */
  readonly id: string;
  readonly provider: WebhookProviderName;
  readonly receivedAt: string;
  readonly verdict: WebhookDeliveryVerdict;
  readonly reason?: WebhookDeliveryRejection;
  /** What was wrong, in words (rejected deliveries). */
  readonly message?: string;
  /** The provider's id of the delivery (its dedupe key), once the signature held. */
  readonly deliveryId?: string;
  readonly topic?: string;
  /** The provider's event id when a header carries it apart from the body (Shopify's), for replays. */
  readonly eventId?: string;
  /** How many platform events an accepted delivery enqueued. */
  readonly events?: number;
  /** A duplicate's first accepted delivery (its log id). */
  readonly duplicateOf?: string;
  /** Bytes of the raw body. */
  readonly size: number;
  /** Where the raw body and the headers its signature needs are stored. */
  readonly bodyKey: string;
  /** When the record goes (epoch seconds): the retention setting. */
  readonly expiresAt: number;
}
