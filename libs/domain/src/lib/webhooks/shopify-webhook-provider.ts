import { isIdentifier } from '../shared/identifier';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { CustomerReference, InboundEvent, InboundOrderItem } from './platform-events';
import { decimalNumber, e164Phone, ProviderPayloadReader } from './provider-payload-reader';
import { RawDelivery, VerifiedDelivery, WebhookConnection, WebhookProvider } from './webhook-provider';
import { WebhookRejectedError } from './webhook-rejected-error';
import { hmacSha256, parseJsonBody, rejection, signedByAnySecret } from './webhook-signature';

/** The processor takes at most this many items per order. */
const MAX_ITEMS = 1000;

/** What every event of a delivery carries. */
interface EventBase {
  readonly tenantId: string;
  readonly eventId: string;
}

type ShopifyMapping = (read: ProviderPayloadReader, payload: unknown, base: EventBase) => InboundEvent[];

/**
 * Shopify: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body keyed by the app's
 * client secret. The signature has no timestamp: a replay is caught by `X-Shopify-Webhook-Id`,
 * the same on every retry of a delivery.
 */
export class ShopifyWebhookProvider implements WebhookProvider {
  readonly name = 'shopify';

  verify(delivery: RawDelivery, connection: WebhookConnection): Result<VerifiedDelivery, WebhookRejectedError> {
    const { headers, body } = delivery;
    const hmac = headers['x-shopify-hmac-sha256'];
    if (!hmac) return rejection('MISSING_SIGNATURE', 'The X-Shopify-Hmac-Sha256 header is missing');
    if (!signedByAnySecret(connection.secrets, [hmac], (secret) => hmacSha256(secret, body).toString('base64'))) {
      return rejection('BAD_SIGNATURE', 'X-Shopify-Hmac-Sha256 does not match the body');
    }
    // One app secret signs for every shop that installed the app: a shop's delivery must not
    // reach another shop's tenant.
    const shop = headers['x-shopify-shop-domain'];
    if (connection.shopDomain !== undefined && shop?.toLowerCase() !== connection.shopDomain.toLowerCase()) {
      return rejection('BAD_SIGNATURE', 'The delivery is signed for another shop', { shopDomain: shop });
    }

    const webhookId = headers['x-shopify-webhook-id'];
    const topic = headers['x-shopify-topic'];
    const eventId = headers['x-shopify-event-id'];
    if (!isIdentifier(webhookId) || !topic) {
      return rejection('MALFORMED', 'A Shopify delivery has an X-Shopify-Webhook-Id and an X-Shopify-Topic');
    }
    const payload = parseJsonBody(body, 'Shopify');
    if (!payload.ok) return payload;
    return ok({ deliveryId: webhookId, topic, payload: payload.value, ...(isIdentifier(eventId) && { eventId }) });
  }

  map(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
    const mapping = MAPPINGS.get(delivery.topic);
    if (mapping === undefined) return ok([]);
    const read = new ProviderPayloadReader();
    const events = mapping(read, delivery.payload, { tenantId, eventId: delivery.eventId ?? delivery.deliveryId });
    if (read.failed) return err(read.toError(`The Shopify ${delivery.topic} payload is not as Shopify documents it`));
    return ok(events);
  }
}

const MAPPINGS: ReadonlyMap<string, ShopifyMapping> = new Map(Object.entries<ShopifyMapping>({
  'orders/paid': orderCompleted,
  // An order created already paid has no orders/paid to wait for; both map to the same order id.
  'orders/create': (read, payload, base) =>
    read.object('order', payload)?.['financial_status'] === 'paid' ? orderCompleted(read, payload, base) : [],
  'orders/cancelled': (read, payload, base) => {
    const orderId = read.identifier('id', read.object('order', payload)?.['id']);
    return orderId === undefined ? [] : [{ type: 'order.cancelled', detail: { ...base, orderId } }];
  },
  'refunds/create': orderRefunded,
  'customers/create': (read, payload, base) =>
    customerEvent(read, 'customer.created', readCustomer(read, '', read.object('customer', payload)), base),
  'customers/update': (read, payload, base) =>
    customerEvent(read, 'customer.updated', readCustomer(read, '', read.object('customer', payload)), base),
  'customers/data_request': (read, payload, base) =>
    customerEvent(read, 'customer.data_requested', privacyRequestCustomer(read, payload), base),
  'customers/redact': (read, payload, base) =>
    customerEvent(read, 'customer.redacted', privacyRequestCustomer(read, payload), base),
  'shop/redact': (read, payload, base) =>
    read.object('body', payload) === undefined ? [] : [{ type: 'tenant.redacted', detail: { ...base, source: 'shopify' } }],
}));

function orderCompleted(read: ProviderPayloadReader, payload: unknown, base: EventBase): InboundEvent[] {
  const order = read.object('order', payload) ?? {};
  const orderId = read.identifier('id', order['id']);
  const currency = read.currency('currency', order['currency']);
  // The total after edits, when the payload has it (API versions since 2020).
  const current = order['current_total_price'];
  const totalPath = current === undefined || current === null ? 'total_price' : 'current_total_price';
  const amount = currency === undefined ? undefined : read.decimal(totalPath, order[totalPath], currency);
  const items = currency === undefined ? undefined : readItems(read, order['line_items'], currency);
  const customer = readCustomer(read, 'customer.', read.optionalObject('customer', order['customer']), order['email']);
  const channel = read.optionalText('source_name', order['source_name'], 64);
  if (orderId === undefined || amount === undefined || currency === undefined) return [];
  return [
    {
      type: 'order.completed',
      detail: {
        ...base,
        orderId,
        amount,
        currency,
        ...(items !== undefined && items.length > 0 && { items }),
        customer,
        ...(channel !== undefined && { channel }),
      },
    },
  ];
}

function readItems(read: ProviderPayloadReader, value: unknown, currency: string): InboundOrderItem[] | undefined {
  const lines = read.array('line_items', value ?? [], MAX_ITEMS);
  if (lines === undefined) return undefined;
  const items: InboundOrderItem[] = [];
  lines.forEach((entry, index) => {
    const path = `line_items.${index}`;
    const line = read.object(path, entry) ?? {};
    const sku = lineItemSku(read, path, line);
    const price = read.decimal(`${path}.price`, line['price'], currency);
    const quantity = read.whole(`${path}.quantity`, line['quantity'], 0, 1_000_000);
    const category = read.optionalText(`${path}.product_type`, line['product_type'], 128);
    // A line edited down to nothing stays listed with quantity 0: there is nothing to earn on it.
    if (sku === undefined || price === undefined || !quantity) return;
    items.push({ sku, ...(category !== undefined && { category }), price, quantity });
  });
  return items;
}

/** A line's SKU, else its variant id, else its own id: the same rule for orders and their refunds. */
function lineItemSku(read: ProviderPayloadReader, path: string, line: Record<string, unknown>): string | undefined {
  const sku = read.optionalText(`${path}.sku`, line['sku'], 128);
  if (sku !== undefined) return sku;
  const variantId = line['variant_id'];
  return variantId !== undefined && variantId !== null
    ? read.identifier(`${path}.variant_id`, variantId)
    : read.identifier(`${path}.id`, line['id']);
}

/**
 * A refund of line items is a refund by items (the processor prices them from the order);
 * otherwise the money that went back, the sum of the successful refund transactions. A refund of
 * neither (a restock only) refunds nothing: it must not pass for a full refund.
 */
function orderRefunded(read: ProviderPayloadReader, payload: unknown, base: EventBase): InboundEvent[] {
  const refund = read.object('refund', payload) ?? {};
  const orderId = read.identifier('order_id', refund['order_id']);
  const refundId = read.identifier('id', refund['id']);
  const lines = read.array('refund_line_items', refund['refund_line_items'] ?? [], MAX_ITEMS) ?? [];
  const items = lines.flatMap((entry, index) => {
    const path = `refund_line_items.${index}`;
    const line = read.object(path, entry) ?? {};
    const id = lineItemSku(read, `${path}.line_item`, read.object(`${path}.line_item`, line['line_item']) ?? {});
    const quantity = read.whole(`${path}.quantity`, line['quantity'], 0, 1_000_000);
    return id !== undefined && quantity ? [{ id, quantity }] : [];
  });
  const amount = items.length > 0 ? undefined : refundedAmount(read, refund['transactions']);
  if (orderId === undefined || refundId === undefined || (items.length === 0 && !amount)) return [];
  const refunded = items.length > 0 ? { items } : { amount };
  return [{ type: 'order.refunded', detail: { ...base, orderId, refundId, ...refunded } }];
}

function refundedAmount(read: ProviderPayloadReader, value: unknown): number | undefined {
  const transactions = read.array('transactions', value ?? [], 100) ?? [];
  let total: { minor: bigint; currency: string } | undefined;
  transactions.forEach((entry, index) => {
    const path = `transactions.${index}`;
    const transaction = read.object(path, entry) ?? {};
    if (transaction['kind'] !== 'refund' || transaction['status'] !== 'success') return;
    const currency = read.currency(`${path}.currency`, transaction['currency']);
    const money = currency === undefined ? undefined : read.money(`${path}.amount`, transaction['amount'], currency);
    if (money === undefined) return;
    if (total !== undefined && total.currency !== money.currency) {
      read.fail(`${path}.currency`, `the currency of the other refund transactions (${total.currency})`);
      return;
    }
    total = { minor: (total?.minor ?? 0n) + money.minor, currency: money.currency };
  });
  return total === undefined || total.minor === 0n ? undefined : decimalNumber(total);
}

/** The GDPR topics name the customer under `customer`. */
function privacyRequestCustomer(read: ProviderPayloadReader, payload: unknown): CustomerReference {
  return readCustomer(read, 'customer.', read.object('customer', read.object('body', payload)?.['customer']));
}

function customerEvent(
  read: ProviderPayloadReader,
  type: 'customer.created' | 'customer.updated' | 'customer.data_requested' | 'customer.redacted',
  customer: CustomerReference,
  base: EventBase,
): InboundEvent[] {
  if (customer.externalId === undefined && customer.email === undefined) {
    read.fail('customer', 'a customer with an id or an email');
    return [];
  }
  return [{ type, detail: { ...base, customer } }];
}

function readCustomer(
  read: ProviderPayloadReader,
  path: string,
  customer: Record<string, unknown> = {},
  orderEmail?: unknown,
): CustomerReference {
  const id = customer['id'];
  const externalId = id === undefined || id === null ? undefined : read.identifier(`${path}id`, id);
  const email = read.optionalText(`${path}email`, customer['email'], 320) ?? read.optionalText('email', orderEmail, 320);
  const phone = e164Phone(customer['phone']);
  const name = [customer['first_name'], customer['last_name']]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ');
  return {
    source: 'shopify',
    ...(externalId !== undefined && { externalId }),
    ...(email !== undefined && { email }),
    ...(phone !== undefined && { phone }),
    ...(name !== '' && { name: name.slice(0, 200) }),
  };
}
