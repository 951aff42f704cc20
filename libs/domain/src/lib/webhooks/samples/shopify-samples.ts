import { randomUUID } from 'node:crypto';
import { Money, moneyFromDecimal, moneyToDecimal } from '../../shared/money';
import { sampleNumericId, WebhookSample } from './webhook-sample';

/** The Admin API version the samples are shaped after (`X-Shopify-API-Version`). */
const SHOPIFY_API_VERSION = '2025-07';
const DEFAULT_SHOP = 'loyalty-demo.myshopify.com';

/** Who and when, the same for every Shopify delivery. */
export interface ShopifyDeliveryOptions {
  readonly shopDomain?: string;
  readonly webhookId?: string;
  readonly eventId?: string;
  readonly now?: Date;
}

export interface ShopifyLineItemInput {
  /**
   * Blank or missing: the variant id stands in, as for a product without a SKU (give `variantId`
   * then, so that an order and its refund name the same item).
   */
  readonly sku?: string;
  readonly title?: string;
  /** Unit price, decimal text, e.g. "75.00". */
  readonly price: string;
  readonly quantity: number;
  readonly productType?: string;
  readonly variantId?: number;
  readonly lineItemId?: number;
}

export interface ShopifyCustomerInput {
  readonly id?: number;
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly phone?: string;
}

export interface ShopifyOrderSampleInput extends ShopifyDeliveryOptions {
  readonly orderId?: number;
  /** The shop's order number (name `#1001`). */
  readonly orderNumber?: number;
  readonly currency: string;
  readonly items: readonly ShopifyLineItemInput[];
  readonly customer?: ShopifyCustomerInput;
  /** `paid` unless said otherwise (orders/create of an order still `pending` maps to nothing). */
  readonly financialStatus?: string;
  /** `web`, `pos`, ...: the platform's channel. */
  readonly sourceName?: string;
}

export interface ShopifyRefundSampleInput extends ShopifyDeliveryOptions {
  readonly orderId: number;
  readonly refundId?: number;
  readonly currency: string;
  /** The lines given back (their quantity is the refunded quantity); none for a refund by amount. */
  readonly items?: readonly ShopifyLineItemInput[];
  /** The money refunded, decimal text; the items' value when not given. */
  readonly amount?: string;
}

export interface ShopifyPrivacySampleInput extends ShopifyDeliveryOptions {
  readonly customer: ShopifyCustomerInput;
  readonly orderIds?: readonly number[];
}

/** orders/paid, orders/create or orders/cancelled, shaped as Shopify's documented order payload. */
export function shopifyOrderSample(
  topic: 'orders/paid' | 'orders/create' | 'orders/cancelled',
  input: ShopifyOrderSampleInput,
): WebhookSample {
  const now = input.now ?? new Date();
  const { currency } = input;
  const lines = input.items.map((item) => lineItem(item, currency));
  const total = sum(input.items.map((item) => times(parse(item.price, currency), item.quantity)), currency);
  const amount = moneyToDecimal(total);
  const orderId = input.orderId ?? sampleNumericId();
  const orderNumber = input.orderNumber ?? 1001;
  const customer = input.customer === undefined ? null : customerPayload(input.customer, now);
  const cancelled = topic === 'orders/cancelled';
  const zero = moneyToDecimal({ minor: 0n, currency });
  const order = {
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    app_id: 580111,
    browser_ip: '203.0.113.42',
    buyer_accepts_marketing: false,
    cancel_reason: cancelled ? 'customer' : null,
    cancelled_at: cancelled ? shopifyTime(now) : null,
    cart_token: null,
    checkout_id: sampleNumericId(),
    checkout_token: randomUUID().replaceAll('-', ''),
    client_details: { accept_language: 'en-US', browser_height: null, browser_ip: '203.0.113.42', browser_width: null, session_hash: null, user_agent: 'Mozilla/5.0' },
    closed_at: null,
    confirmation_number: 'XPJ4RBNQZ',
    confirmed: true,
    contact_email: input.customer?.email ?? null,
    created_at: shopifyTime(now),
    currency,
    current_subtotal_price: amount,
    current_subtotal_price_set: moneySet(amount, currency),
    current_total_discounts: zero,
    current_total_discounts_set: moneySet(zero, currency),
    current_total_price: amount,
    current_total_price_set: moneySet(amount, currency),
    current_total_tax: zero,
    current_total_tax_set: moneySet(zero, currency),
    customer_locale: 'en',
    discount_codes: [],
    email: input.customer?.email ?? '',
    estimated_taxes: false,
    financial_status: cancelled ? 'refunded' : (input.financialStatus ?? 'paid'),
    fulfillment_status: null,
    landing_site: '/',
    name: `#${orderNumber}`,
    note: null,
    note_attributes: [],
    number: orderNumber - 1000,
    order_number: orderNumber,
    order_status_url: `https://${input.shopDomain ?? DEFAULT_SHOP}/orders/${randomUUID().replaceAll('-', '')}/authenticate`,
    payment_gateway_names: ['shopify_payments'],
    phone: input.customer?.phone ?? null,
    presentment_currency: currency,
    processed_at: shopifyTime(now),
    source_name: input.sourceName ?? 'web',
    subtotal_price: amount,
    subtotal_price_set: moneySet(amount, currency),
    tags: '',
    tax_lines: [],
    taxes_included: false,
    test: false,
    total_discounts: zero,
    total_discounts_set: moneySet(zero, currency),
    total_line_items_price: amount,
    total_line_items_price_set: moneySet(amount, currency),
    total_outstanding: zero,
    total_price: amount,
    total_price_set: moneySet(amount, currency),
    total_shipping_price_set: moneySet(zero, currency),
    total_tax: zero,
    total_tax_set: moneySet(zero, currency),
    total_tip_received: zero,
    total_weight: 0,
    updated_at: shopifyTime(now),
    user_id: null,
    billing_address: null,
    customer,
    discount_applications: [],
    fulfillments: [],
    line_items: lines,
    payment_terms: null,
    refunds: [],
    shipping_address: null,
    shipping_lines: [],
  };
  return shopifySample(topic, order, input);
}

/** refunds/create, shaped as Shopify's documented refund payload. */
export function shopifyRefundSample(input: ShopifyRefundSampleInput): WebhookSample {
  const now = input.now ?? new Date();
  const { currency } = input;
  const items = input.items ?? [];
  const itemsValue = sum(items.map((item) => times(parse(item.price, currency), item.quantity)), currency);
  const amount = input.amount === undefined ? itemsValue : parse(input.amount, currency);
  const refundId = input.refundId ?? sampleNumericId();
  const refund = {
    id: refundId,
    admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
    created_at: shopifyTime(now),
    note: 'Returned by the customer',
    order_id: input.orderId,
    processed_at: shopifyTime(now),
    restock: items.length > 0,
    user_id: null,
    duties: [],
    total_duties_set: moneySet(moneyToDecimal({ minor: 0n, currency }), currency),
    additional_fees: [],
    return: null,
    refund_line_items: items.map((item) => {
      const line = lineItem(item, currency);
      const subtotal = moneyToDecimal(times(parse(item.price, currency), item.quantity));
      return {
        id: sampleNumericId(),
        line_item_id: line.id,
        location_id: null,
        quantity: item.quantity,
        restock_type: 'return',
        subtotal: Number(subtotal),
        subtotal_set: moneySet(subtotal, currency),
        total_tax: 0,
        total_tax_set: moneySet(moneyToDecimal({ minor: 0n, currency }), currency),
        line_item: line,
      };
    }),
    transactions:
      amount.minor === 0n
        ? []
        : [
            {
              id: sampleNumericId(),
              admin_graphql_api_id: 'gid://shopify/OrderTransaction/0',
              amount: moneyToDecimal(amount),
              authorization: null,
              created_at: shopifyTime(now),
              currency,
              device_id: null,
              error_code: null,
              gateway: 'shopify_payments',
              kind: 'refund',
              location_id: null,
              message: 'Transaction approved',
              order_id: input.orderId,
              parent_id: sampleNumericId(),
              payment_id: `#${input.orderId}.2`,
              processed_at: shopifyTime(now),
              receipt: {},
              source_name: 'web',
              status: 'success',
              test: false,
              user_id: null,
            },
          ],
    order_adjustments: [],
  };
  return shopifySample('refunds/create', refund, input);
}

/** customers/create or customers/update, shaped as Shopify's documented customer payload. */
export function shopifyCustomerSample(
  topic: 'customers/create' | 'customers/update',
  input: ShopifyCustomerInput & ShopifyDeliveryOptions,
): WebhookSample {
  return shopifySample(topic, customerPayload(input, input.now ?? new Date()), input);
}

/** The mandatory privacy topics: customers/data_request and customers/redact. */
export function shopifyCustomerPrivacySample(
  topic: 'customers/data_request' | 'customers/redact',
  input: ShopifyPrivacySampleInput,
): WebhookSample {
  const shopDomain = input.shopDomain ?? DEFAULT_SHOP;
  const customer = { id: input.customer.id ?? sampleNumericId(), email: input.customer.email ?? null, phone: input.customer.phone ?? null };
  const orderIds = input.orderIds ?? [];
  const payload =
    topic === 'customers/data_request'
      ? { shop_id: 954889, shop_domain: shopDomain, orders_requested: orderIds, customer, data_request: { id: sampleNumericId() } }
      : { shop_id: 954889, shop_domain: shopDomain, customer, orders_to_redact: orderIds };
  return shopifySample(topic, payload, input);
}

/** shop/redact, sent 48 hours after a shop uninstalls the app. */
export function shopifyShopRedactSample(input: ShopifyDeliveryOptions = {}): WebhookSample {
  return shopifySample('shop/redact', { shop_id: 954889, shop_domain: input.shopDomain ?? DEFAULT_SHOP }, input);
}

function shopifySample(topic: string, payload: unknown, options: ShopifyDeliveryOptions): WebhookSample {
  return {
    provider: 'shopify',
    topic,
    body: JSON.stringify(payload),
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': options.shopDomain ?? DEFAULT_SHOP,
      'x-shopify-api-version': SHOPIFY_API_VERSION,
      'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
      'x-shopify-event-id': options.eventId ?? randomUUID(),
      'x-shopify-triggered-at': (options.now ?? new Date()).toISOString(),
    },
  };
}

function customerPayload(customer: ShopifyCustomerInput, now: Date): Record<string, unknown> {
  const id = customer.id ?? sampleNumericId();
  return {
    id,
    email: customer.email ?? null,
    created_at: shopifyTime(now),
    updated_at: shopifyTime(now),
    first_name: customer.firstName ?? null,
    last_name: customer.lastName ?? null,
    orders_count: 0,
    state: 'enabled',
    total_spent: '0.00',
    last_order_id: null,
    note: null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    tags: '',
    last_order_name: null,
    currency: 'USD',
    phone: customer.phone ?? null,
    addresses: [],
    tax_exemptions: [],
    email_marketing_consent: customer.email === undefined ? null : { state: 'not_subscribed', opt_in_level: 'single_opt_in', consent_updated_at: null },
    sms_marketing_consent: null,
    admin_graphql_api_id: `gid://shopify/Customer/${id}`,
  };
}

function lineItem(item: ShopifyLineItemInput, currency: string) {
  const { quantity } = item;
  const id = item.lineItemId ?? sampleNumericId();
  const price = moneyToDecimal(parse(item.price, currency));
  const zero = moneyToDecimal({ minor: 0n, currency });
  return {
    id,
    admin_graphql_api_id: `gid://shopify/LineItem/${id}`,
    attributed_staffs: [],
    current_quantity: quantity,
    fulfillable_quantity: quantity,
    fulfillment_service: 'manual',
    fulfillment_status: null,
    gift_card: false,
    grams: 500,
    name: item.title ?? item.sku ?? 'Item',
    price,
    price_set: moneySet(price, currency),
    product_exists: true,
    product_id: sampleNumericId(),
    properties: [],
    quantity,
    requires_shipping: true,
    sku: item.sku ?? '',
    taxable: true,
    title: item.title ?? item.sku ?? 'Item',
    total_discount: zero,
    total_discount_set: moneySet(zero, currency),
    variant_id: item.variantId ?? sampleNumericId(),
    variant_inventory_management: 'shopify',
    variant_title: null,
    vendor: 'Loyalty Demo',
    ...(item.productType !== undefined && { product_type: item.productType }),
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

function moneySet(amount: string, currency: string) {
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  };
}

function parse(decimal: string, currency: string): Money {
  const money = moneyFromDecimal(decimal, currency);
  if (!money.ok) throw money.error;
  return money.value;
}

/** Whole minor units times a whole quantity: exact. */
function times(money: Money, quantity: number): Money {
  return { minor: money.minor * BigInt(quantity), currency: money.currency };
}

function sum(amounts: readonly Money[], currency: string): Money {
  return { minor: amounts.reduce((total, money) => total + money.minor, 0n), currency };
}

/** Shopify writes times with an offset and no milliseconds. */
function shopifyTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
