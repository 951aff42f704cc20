/**
 * The platform's inbound events (SPEC "Events"): what e-commerce platforms publish through
 * EventBridge and what the webhook adapters translate provider payloads into. `type` is the
 * EventBridge `detail-type`; the processor validates `detail` again on receipt.
 */

/** Who a provider says the customer is, when it does not know the platform's user id. */
export interface CustomerReference {
  /** The provider the external id belongs to (`shopify`, `stripe`, `hubspot`, a custom name). */
  readonly source: string;
  readonly externalId?: string;
  /** As the provider sent it; normalized by the processor. */
  readonly email?: string;
  /** E.164 when the provider has one in that form. */
  readonly phone?: string;
  readonly name?: string;
}

/** What every inbound event's detail carries: the tenant, the producer's event id. */
export interface InboundEventDetail {
  readonly tenantId: string;
  readonly eventId: string;
}

export interface InboundOrderItem {
  readonly sku: string;
  readonly category?: string;
  /** Unit price, decimal (e.g. 19.99). */
  readonly price: number;
  readonly quantity: number;
}

/** The order's user is `userId` when the producer knows it, else resolved from `customer`. */
export interface OrderCustomer {
  readonly userId?: string;
  readonly customer?: CustomerReference;
}

export interface OrderCompletedEventDetail extends InboundEventDetail, OrderCustomer {
  /** The business identity: the same order from two sources has the same id. */
  readonly orderId: string;
  /** Decimal amount in `currency` (e.g. 150.00); converted from minor units by the adapters. */
  readonly amount: number;
  readonly currency: string;
  readonly items?: readonly InboundOrderItem[];
  readonly channel?: string;
}

export interface OrderRefundedEventDetail extends InboundEventDetail {
  readonly orderId: string;
  /** Identifies the refund, so a redelivery takes nothing twice. */
  readonly refundId?: string;
  /** A partial refund by amount (decimal) … */
  readonly amount?: number;
  /** … or by line items (`id` is the item's sku); neither for a full refund. */
  readonly items?: readonly { readonly id: string; readonly quantity: number }[];
}

export type OrderCancelledEventDetail = InboundEventDetail & { readonly orderId: string };

export interface CustomerEventDetail extends InboundEventDetail {
  readonly customer: CustomerReference;
  /** `YYYY-MM-DD` or `MM-DD`. */
  readonly birthday?: string;
}

/** GDPR requests a provider forwards (Shopify's mandatory privacy topics). */
export interface CustomerPrivacyEventDetail extends InboundEventDetail {
  readonly customer: CustomerReference;
}

export type InboundEvent =
  | { readonly type: 'order.completed'; readonly detail: OrderCompletedEventDetail }
  | { readonly type: 'order.refunded'; readonly detail: OrderRefundedEventDetail }
  | { readonly type: 'order.cancelled'; readonly detail: OrderCancelledEventDetail }
  | { readonly type: 'customer.created'; readonly detail: CustomerEventDetail }
  | { readonly type: 'customer.updated'; readonly detail: CustomerEventDetail }
  /** Export the customer's data for the business (kept where support can fetch it). */
  | { readonly type: 'customer.data_requested'; readonly detail: CustomerPrivacyEventDetail }
  /** Erase the customer's personal data (the ledger keeps anonymous amounts). */
  | { readonly type: 'customer.redacted'; readonly detail: CustomerPrivacyEventDetail }
  /** Erase the personal data of every customer of the tenant that came from this provider. */
  | { readonly type: 'tenant.redacted'; readonly detail: InboundEventDetail & { readonly source: string } };

export type InboundEventType = InboundEvent['type'];

/** Keyed by every type, so a new member of the union cannot be forgotten here. */
const INBOUND_EVENT_TYPE_KEYS: Record<InboundEventType, true> = {
  'order.completed': true,
  'order.refunded': true,
  'order.cancelled': true,
  'customer.created': true,
  'customer.updated': true,
  'customer.data_requested': true,
  'customer.redacted': true,
  'tenant.redacted': true,
};

/** Every inbound event type, to check a producer's `type` at run time. */
export const INBOUND_EVENT_TYPES = Object.keys(INBOUND_EVENT_TYPE_KEYS) as readonly InboundEventType[];
