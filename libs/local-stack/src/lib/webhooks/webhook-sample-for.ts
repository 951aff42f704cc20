import { createHash } from 'node:crypto';
import {
  customEventSample,
  hubspotContactChangedSample,
  hubspotContactCreatedSample,
  hubspotContactPrivacyDeletionSample,
  sampleNumericId,
  shopifyCustomerPrivacySample,
  shopifyCustomerSample,
  shopifyOrderSample,
  shopifyRefundSample,
  shopifyShopRedactSample,
  stripeChargeRefundedSample,
  stripePaymentSucceededSample,
  type WebhookProviderName,
  type WebhookSample,
} from '@loyalty/domain';

/** What the `npm run webhook` options say about the delivery to build. */
export interface SampleRequest {
  readonly order?: string;
  /** Decimal text, e.g. "150.00". */
  readonly amount: string;
  readonly currency: string;
  readonly email: string;
  /** The platform's user id, for the producers that know it (Stripe metadata, custom events). */
  readonly user?: string;
  /** Refund amount (decimal text); the whole amount by default. */
  readonly refund?: string;
  /** Shopify: the shop the delivery comes from. */
  readonly shopDomain: string;
}

type SampleBuilder = (request: SampleRequest) => WebhookSample;

/** Shopify ids are numbers: an --order that is not one gets a fresh id. */
const shopifyOrderId = (order: string | undefined) => (order !== undefined && /^\d{1,15}$/.test(order) ? Number(order) : sampleNumericId());
const shopifyLine = ({ amount }: SampleRequest) => [{ sku: 'SKU-1', title: 'Sample item', price: amount, quantity: 1 }];
/** The same email is the same Shopify customer (its id derived from the email), another email another one. */
const shopifyCustomer = ({ email }: SampleRequest) => ({ id: parseInt(createHash('sha256').update(email).digest('hex').slice(0, 10), 16), email });

/** Every topic the tool can send, per provider: the adapters' samples, shaped as each provider documents. */
export const WEBHOOK_SAMPLES: Readonly<Record<WebhookProviderName, Readonly<Record<string, SampleBuilder>>>> = {
  stripe: {
    'payment_intent.succeeded': (r) =>
      stripePaymentSucceededSample({ amount: r.amount, currency: r.currency, orderId: r.order, email: r.email, userId: r.user }),
    'charge.refunded': (r) =>
      stripeChargeRefundedSample({ amount: r.amount, refundAmount: r.refund ?? r.amount, currency: r.currency, orderId: r.order, email: r.email }),
  },
  shopify: {
    ...Object.fromEntries(
      (['orders/create', 'orders/paid', 'orders/cancelled'] as const).map((topic) => [
        topic,
        (r: SampleRequest) =>
          shopifyOrderSample(topic, { shopDomain: r.shopDomain, orderId: shopifyOrderId(r.order), currency: r.currency, items: shopifyLine(r), customer: shopifyCustomer(r) }),
      ]),
    ),
    'refunds/create': (r) =>
      shopifyRefundSample({ shopDomain: r.shopDomain, orderId: shopifyOrderId(r.order), currency: r.currency, amount: r.refund ?? r.amount }),
    'customers/create': (r) => shopifyCustomerSample('customers/create', { shopDomain: r.shopDomain, ...shopifyCustomer(r) }),
    'customers/data_request': (r) => shopifyCustomerPrivacySample('customers/data_request', { shopDomain: r.shopDomain, customer: shopifyCustomer(r) }),
    'customers/redact': (r) => shopifyCustomerPrivacySample('customers/redact', { shopDomain: r.shopDomain, customer: shopifyCustomer(r) }),
    'shop/redact': (r) => shopifyShopRedactSample({ shopDomain: r.shopDomain }),
  },
  hubspot: {
    'contact.creation': (r) => hubspotContactCreatedSample({ email: r.email }),
    'contact.propertyChange': (r) => hubspotContactChangedSample({ objectId: sampleNumericId(), email: r.email }),
    'contact.privacyDeletion': () => hubspotContactPrivacyDeletionSample(sampleNumericId()),
  },
  custom: {
    'order.completed': (r) =>
      customEventSample('order.completed', {
        orderId: r.order ?? `order_${Date.now()}`,
        amount: Number(r.amount),
        currency: r.currency,
        ...(r.user ? { userId: r.user } : { customer: { source: 'custom', email: r.email } }),
      }),
    'customer.created': (r) => customEventSample('customer.created', { customer: { source: 'custom', externalId: `cust_${Date.now()}`, email: r.email } }),
  },
};

/** The sample for a provider's topic; an error listing the topics there are for an unknown one. */
export function webhookSampleFor(provider: WebhookProviderName, topic: string, request: SampleRequest): WebhookSample {
  const builders = WEBHOOK_SAMPLES[provider];
  const build = builders[topic];
  if (!build) throw new Error(`No ${provider} sample for "${topic}"; one of: ${Object.keys(builders).join(', ')}`);
  return build(request);
}
