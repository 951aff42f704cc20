import { minorFromDecimal } from '../../shared/money';
import { stripeCurrencyExponent } from '../stripe-webhook-provider';
import { sampleStripeId, WebhookSample } from './webhook-sample';

/** The API version the samples are shaped after. */
const STRIPE_API_VERSION = '2024-06-20';

interface StripeSampleBase {
  /** ISO code in any case; Stripe writes it lower-case. */
  readonly currency: string;
  /** `metadata.orderId`, as a shop sets it on the payment intent; the payment intent id stands in otherwise. */
  readonly orderId?: string;
  /** `cus_…` when the payment belongs to a Stripe customer. */
  readonly customerId?: string;
  readonly email?: string;
  readonly paymentIntentId?: string;
  readonly eventId?: string;
  readonly now?: Date;
}

export interface StripePaymentSampleInput extends StripeSampleBase {
  /** Decimal text, e.g. "150.00", "1500" (JPY), "1.234" (KWD). */
  readonly amount: string;
  /** `metadata.userId`, when the shop knows the platform's user. */
  readonly userId?: string;
  readonly channel?: string;
}

export interface StripeRefundSampleInput extends StripeSampleBase {
  /** What the charge was for, decimal text. */
  readonly amount: string;
  /** This refund, decimal text. */
  readonly refundAmount: string;
  /** Refunded by earlier refunds of the same charge, decimal text ("0" by default). */
  readonly previouslyRefunded?: string;
  /**
   * Whether the charge lists its refunds (`charge.refunds`), as events did before API version
   * 2022-11-15; without it the refund is known from `previous_attributes.amount_refunded`.
   */
  readonly listRefunds?: boolean;
  readonly chargeId?: string;
  readonly refundId?: string;
}

/** A `payment_intent.succeeded` event, shaped as Stripe's documented example. */
export function stripePaymentSucceededSample(input: StripePaymentSampleInput): WebhookSample {
  const now = input.now ?? new Date();
  const currency = input.currency.toUpperCase();
  const amount = stripeMinor(input.amount, currency);
  const paymentIntentId = input.paymentIntentId ?? sampleStripeId('pi');
  const metadata = {
    ...(input.orderId !== undefined && { orderId: input.orderId }),
    ...(input.userId !== undefined && { userId: input.userId }),
    ...(input.channel !== undefined && { channel: input.channel }),
  };
  const paymentIntent = {
    id: paymentIntentId,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    confirmation_method: 'automatic',
    created: unixSeconds(now) - 5,
    currency: currency.toLowerCase(),
    customer: input.customerId ?? null,
    description: input.orderId === undefined ? null : `Order ${input.orderId}`,
    invoice: null,
    last_payment_error: null,
    latest_charge: sampleStripeId('ch'),
    livemode: false,
    metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: sampleStripeId('pm'),
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    processing: null,
    receipt_email: input.email ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  return stripeEvent('payment_intent.succeeded', { object: paymentIntent }, input.eventId, now);
}

/** A `charge.refunded` event for one more refund of a charge, shaped as Stripe's documented example. */
export function stripeChargeRefundedSample(input: StripeRefundSampleInput): WebhookSample {
  const now = input.now ?? new Date();
  const currency = input.currency.toUpperCase();
  const amount = stripeMinor(input.amount, currency);
  const before = stripeMinor(input.previouslyRefunded ?? '0', currency);
  const refundedNow = before + stripeMinor(input.refundAmount, currency);
  if (refundedNow > amount) throw new Error('A charge cannot be refunded more than its amount');
  const chargeId = input.chargeId ?? sampleStripeId('ch');
  const paymentIntentId = input.paymentIntentId ?? sampleStripeId('pi');
  const refund = {
    id: input.refundId ?? sampleStripeId('re'),
    object: 'refund',
    amount: refundedNow - before,
    balance_transaction: sampleStripeId('txn'),
    charge: chargeId,
    created: unixSeconds(now),
    currency: currency.toLowerCase(),
    destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata: {},
    payment_intent: paymentIntentId,
    reason: 'requested_by_customer',
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  const charge = {
    id: chargeId,
    object: 'charge',
    amount,
    amount_captured: amount,
    amount_refunded: refundedNow,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: sampleStripeId('txn'),
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: input.email ?? null,
      name: null,
      phone: null,
    },
    calculated_statement_descriptor: 'LOYALTY DEMO',
    captured: true,
    created: unixSeconds(now) - 86_400,
    currency: currency.toLowerCase(),
    customer: input.customerId ?? null,
    description: input.orderId === undefined ? null : `Order ${input.orderId}`,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: input.orderId === undefined ? {} : { orderId: input.orderId },
    on_behalf_of: null,
    outcome: {
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 32,
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: paymentIntentId,
    payment_method: sampleStripeId('pm'),
    payment_method_details: {
      card: { brand: 'visa', country: 'US', exp_month: 8, exp_year: 2030, funding: 'credit', last4: '4242', network: 'visa' },
      type: 'card',
    },
    receipt_email: input.email ?? null,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${chargeId}`,
    refunded: refundedNow === amount,
    ...(input.listRefunds && {
      refunds: { object: 'list', data: [refund], has_more: before > 0, total_count: 1, url: `/v1/charges/${chargeId}/refunds` },
    }),
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  const previous = { amount_refunded: before, ...(refundedNow === amount && { refunded: false }) };
  return stripeEvent('charge.refunded', { object: charge, previous_attributes: previous }, input.eventId, now);
}

function stripeEvent(type: string, data: Record<string, unknown>, eventId: string | undefined, now: Date): WebhookSample {
  const event = {
    id: eventId ?? sampleStripeId('evt'),
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: unixSeconds(now),
    data,
    livemode: false,
    pending_webhooks: 1,
    request: { id: sampleStripeId('req'), idempotency_key: null },
    type,
  };
  return {
    provider: 'stripe',
    topic: type,
    body: JSON.stringify(event, null, 2),
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
  };
}

/** Decimal text in Stripe's integer minor units for the currency. */
function stripeMinor(decimal: string, currency: string): number {
  const exponent = stripeCurrencyExponent(currency);
  const minor = minorFromDecimal(decimal.trim(), exponent);
  if (minor === undefined) throw new Error(`"${decimal}" is not a ${currency} amount with at most ${exponent} decimals`);
  return Number(minor);
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
