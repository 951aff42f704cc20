import type { WebhookProviderName } from './webhook-provider';

/** A delivery's identity at its provider, within one tenant: what duplicates share. */
export interface DeliveryClaimKey {
  readonly tenantId: string;
  readonly provider: WebhookProviderName;
  readonly deliveryId: string;
}

export interface DeliveryClaimRequest {
  /** The log record of the delivery that claims. */
  readonly recordId: string;
  readonly at: Date;
  /** A `received` claim made before this is a crashed attempt's, and may be taken over. */
  readonly staleBefore: Date;
  /** When the claim, and with it the dedupe, lapses (epoch seconds). */
  readonly expiresAt: number;
}

/**
 * claimed: this attempt sends the delivery's events. Otherwise another attempt has them: in flight
 * (`received`) or already enqueued; `recordId` is that attempt's log record.
 */
export type DeliveryClaimOutcome =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly state: 'received' | 'enqueued'; readonly recordId: string };

/**
 * Port: one claim per delivery id, so that however many copies of a delivery arrive, one sends its
 * events. A claim is `received` from the moment it is taken, `enqueued` once the events are sent.
 */
export interface WebhookDeliveryClaims {
  claim(key: DeliveryClaimKey, request: DeliveryClaimRequest): Promise<DeliveryClaimOutcome>;
  markEnqueued(key: DeliveryClaimKey): Promise<void>;
  /** Gives the claim up after a failure before sending, unless another attempt took it over meanwhile. */
  release(key: DeliveryClaimKey, recordId: string): Promise<void>;
}
