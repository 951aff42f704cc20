import { isIdentifier } from '../shared/identifier';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { InboundEvent } from './platform-events';
import { ProviderPayloadReader } from './provider-payload-reader';
import { RawDelivery, VerifiedDelivery, WebhookConnection, WebhookProvider } from './webhook-provider';
import { WebhookRejectedError } from './webhook-rejected-error';
import { hmacSha256, isFresh, parseJsonBody, parseTimestamp, rejection, signedByAnySecret } from './webhook-signature';

/** Stripe's own default tolerance (`Stripe.webhooks.DEFAULT_TOLERANCE`). */
export const STRIPE_TOLERANCE_SECONDS = 300;

// Stripe's minor units (docs "Supported currencies"): not always ISO 4217's. ISK, HUF and TWD, for
// instance, are sent with two decimals, JPY with none, KWD with three.
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** How many decimals Stripe's integer `amount` fields carry in `currency` (upper-case ISO code). */
export function stripeCurrencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** The `t=` and every `v1=` of a `Stripe-Signature` header (several `v1` while a secret rotates). */
function parseSignatureHeader(header: string): { timestamp?: number; signatures: string[] } {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const separator = item.indexOf('=');
    const key = item.slice(0, separator);
    const value = item.slice(separator + 1);
    if (separator <= 0 || value === '') continue;
    if (key === 't') timestamp = parseTimestamp(value);
    if (key === 'v1') signatures.push(value);
  }
  return { timestamp, signatures };
}

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">[,v1=…]`, as
 * `Stripe.webhooks.constructEvent` checks it, over the raw bytes; one event per delivery.
 */
export class StripeWebhookProvider implements WebhookProvider {
  readonly name = 'stripe';

  verify(delivery: RawDelivery, connection: WebhookConnection): Result<VerifiedDelivery, WebhookRejectedError> {
    const header = delivery.headers['stripe-signature'];
    if (!header) return rejection('MISSING_SIGNATURE', 'The Stripe-Signature header is missing');
    const { timestamp, signatures } = parseSignatureHeader(header);
    if (timestamp === undefined || signatures.length === 0) {
      return rejection('BAD_SIGNATURE', 'The Stripe-Signature header has no t= timestamp or no v1= signature');
    }
    const signed = signedByAnySecret(connection.secrets, signatures, (secret) =>
      hmacSha256(secret, `${timestamp}.`, delivery.body).toString('hex'),
    );
    if (!signed) return rejection('BAD_SIGNATURE', 'No v1 signature of the Stripe-Signature header matches the body');
    const now = Math.floor(delivery.receivedAt.getTime() / 1000);
    if (!isFresh(timestamp, now, STRIPE_TOLERANCE_SECONDS)) {
      return rejection('STALE_TIMESTAMP', `The Stripe signature is more than ${STRIPE_TOLERANCE_SECONDS} s away from now`, { timestamp });
    }

    const body = parseJsonBody(delivery.body, 'Stripe');
    if (!body.ok) return body;
    const event = body.value as Record<string, unknown> | null;
    const id = typeof event === 'object' && event !== null ? event['id'] : undefined;
    const type = typeof event === 'object' && event !== null ? event['type'] : undefined;
    if (!isIdentifier(id) || typeof type !== 'string' || type === '') {
      return rejection('MALFORMED', 'A Stripe event has an id (evt_…) and a type');
    }
    return ok({ deliveryId: id, topic: type, payload: event });
  }

  map(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
    switch (delivery.topic) {
      case 'payment_intent.succeeded':
        return paymentSucceeded(delivery, tenantId);
      case 'charge.refunded':
        return chargeRefunded(delivery, tenantId);
      default:
        return ok([]);
    }
  }
}

interface StripeEventParts {
  readonly eventId?: string;
  readonly data?: Record<string, unknown>;
  /** `data.object`: the payment intent or charge. */
  readonly object?: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly currency?: string;
}

function readEvent(read: ProviderPayloadReader, payload: unknown): StripeEventParts {
  const event = read.object('event', payload);
  const eventId = read.identifier('id', event?.['id']);
  const data = read.object('data', event?.['data']);
  const object = read.object('data.object', data?.['object']);
  const metadata = read.optionalObject('data.object.metadata', object?.['metadata']) ?? {};
  const currencyCode = object?.['currency'];
  const currency = read.currency(
    'data.object.currency',
    typeof currencyCode === 'string' ? currencyCode.toUpperCase() : currencyCode,
  );
  return { eventId, data, object, metadata, currency };
}

/** The order a payment belongs to: the id the shop put in the metadata, else the payment intent. */
function readOrderId(read: ProviderPayloadReader, metadata: Record<string, unknown>, fallback: [string, unknown]): string | undefined {
  if (metadata['orderId'] !== undefined) return read.identifier('data.object.metadata.orderId', metadata['orderId']);
  if (metadata['order_id'] !== undefined) return read.identifier('data.object.metadata.order_id', metadata['order_id']);
  return read.identifier(...fallback);
}

function paymentSucceeded(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
  const read = new ProviderPayloadReader();
  const { eventId, object = {}, metadata, currency } = readEvent(read, delivery.payload);
  const orderId = readOrderId(read, metadata, ['data.object.id', object['id']]);
  const amount =
    currency === undefined
      ? undefined
      : read.minorUnits('data.object.amount_received', object['amount_received'], stripeCurrencyExponent(currency));
  // A customer id (`cus_…`) when the payment has one; an expanded customer never comes in events.
  const externalId = isIdentifier(object['customer']) ? object['customer'] : undefined;
  const email =
    read.optionalText('data.object.receipt_email', object['receipt_email'], 320) ??
    read.optionalText('data.object.metadata.email', metadata['email'], 320);
  const channel = read.optionalText('data.object.metadata.channel', metadata['channel'], 64);
  const userId = isIdentifier(metadata['userId']) ? metadata['userId'] : undefined;

  if (read.failed || eventId === undefined || orderId === undefined || amount === undefined || currency === undefined) {
    return err(read.toError('The Stripe payment_intent.succeeded event is not as Stripe documents it'));
  }
  return ok([
    {
      type: 'order.completed',
      detail: {
        tenantId,
        eventId,
        orderId,
        amount,
        currency,
        ...(userId !== undefined && { userId }),
        customer: {
          source: 'stripe',
          ...(externalId !== undefined && { externalId }),
          ...(email !== undefined && { email }),
        },
        ...(channel !== undefined && { channel }),
      },
    },
  ]);
}

/**
 * A charge refunded in full is a full refund (no amount). Otherwise the refund is the newest one
 * the charge lists, or, when the event does not list them (Stripe stopped including `refunds` by
 * default in API version 2022-11-15), the growth of `amount_refunded` since the previous state.
 */
function chargeRefunded(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
  const read = new ProviderPayloadReader();
  const { eventId, data = {}, object = {}, metadata, currency } = readEvent(read, delivery.payload);
  const orderId = readOrderId(read, metadata, ['data.object.payment_intent', object['payment_intent']]);
  const newest = newestRefund(read, object['refunds']);
  const exponent = currency === undefined ? 2 : stripeCurrencyExponent(currency);

  const refund =
    object['refunded'] === true
      ? { refundId: newest?.id ?? eventId }
      : partialRefund(read, { data, charge: object, newest, exponent, eventId });

  if (read.failed || eventId === undefined || orderId === undefined || currency === undefined) {
    return err(read.toError('The Stripe charge.refunded event is not as Stripe documents it'));
  }
  return ok([
    {
      type: 'order.refunded',
      detail: {
        tenantId,
        eventId,
        orderId,
        ...(refund.refundId !== undefined && { refundId: refund.refundId }),
        ...(refund.amount !== undefined && { amount: refund.amount }),
      },
    },
  ]);
}

/** The most recent refund of `charge.refunds` when the event includes the list. */
function newestRefund(read: ProviderPayloadReader, value: unknown): { id: string; amount: unknown } | undefined {
  const list = read.optionalObject('data.object.refunds', value);
  const refunds = list === undefined ? [] : (read.array('data.object.refunds.data', list['data'], 100) ?? []);
  let newest: { id: string; amount: unknown; created: number } | undefined;
  refunds.forEach((entry, index) => {
    const refund = read.object(`data.object.refunds.data.${index}`, entry);
    const id = read.text(`data.object.refunds.data.${index}.id`, refund?.['id'], 256);
    const created = read.whole(`data.object.refunds.data.${index}.created`, refund?.['created'], 0, Number.MAX_SAFE_INTEGER);
    // Stripe lists the newest first; `created` only breaks the order if a list ever came otherwise.
    if (id !== undefined && created !== undefined && (newest === undefined || created > newest.created)) {
      newest = { id, amount: refund?.['amount'], created };
    }
  });
  return newest;
}

interface RefundFacts {
  readonly data: Record<string, unknown>;
  readonly charge: Record<string, unknown>;
  readonly newest?: { id: string; amount: unknown };
  readonly exponent: number;
  readonly eventId?: string;
}

function partialRefund(
  read: ProviderPayloadReader,
  { data, charge, newest, exponent, eventId }: RefundFacts,
): { refundId?: string; amount?: number } {
  if (newest !== undefined) {
    return { refundId: newest.id, amount: read.minorUnits('data.object.refunds.data.amount', newest.amount, exponent) };
  }
  const previous = read.optionalObject('data.previous_attributes', data['previous_attributes']) ?? {};
  const now = read.whole('data.object.amount_refunded', charge['amount_refunded'], 0, Number.MAX_SAFE_INTEGER);
  const before = read.whole(
    'data.previous_attributes.amount_refunded',
    previous['amount_refunded'],
    0,
    Number.MAX_SAFE_INTEGER,
  );
  if (now === undefined || before === undefined) return {};
  if (now <= before) {
    read.fail('data.object.amount_refunded', 'more than data.previous_attributes.amount_refunded');
    return {};
  }
  // Whole minor units, so the difference is exact.
  return { refundId: eventId, amount: read.minorUnits('data.object.amount_refunded', now - before, exponent) };
}
