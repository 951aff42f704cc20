import {
  err,
  ok,
  ValidationError,
  WebhookRejectedError,
  type InboundEvent,
  type RawDelivery,
  type WebhookConnection,
  type WebhookProvider,
  type WebhookProviderRegistry,
} from '@loyalty/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOLERANCE_SECONDS = 300;

/**
 * A provider for the intake's tests, signing like the `custom` scheme (X-Signature: sha256=<hex>
 * over `timestamp.body`, X-Timestamp, X-Webhook-Id): `{"type":"order.paid","orderId","amount",
 * "currency","email"}` maps to order.completed; any other type to nothing.
 */
export const testWebhookProvider: WebhookProvider = {
  name: 'custom',
  verify(raw: RawDelivery, connection: WebhookConnection) {
    const signature = raw.headers['x-signature'];
    const timestamp = raw.headers['x-timestamp'];
    const deliveryId = raw.headers['x-webhook-id'];
    if (!signature || !timestamp) return err(new WebhookRejectedError('MISSING_SIGNATURE', 'X-Signature and X-Timestamp are required'));
    if (Math.abs(raw.receivedAt.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) {
      return err(new WebhookRejectedError('STALE_TIMESTAMP', 'The timestamp is outside the tolerance'));
    }
    const given = Buffer.from(signature);
    const valid = connection.secrets.some((secret) => {
      const expected = Buffer.from(signTestDelivery(secret, Number(timestamp), raw.body));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!valid) return err(new WebhookRejectedError('BAD_SIGNATURE', 'No active secret made this signature'));
    let payload: { type?: unknown };
    try {
      payload = JSON.parse(raw.body.toString('utf8'));
    } catch {
      return err(new WebhookRejectedError('MALFORMED', 'The body is not JSON'));
    }
    if (!deliveryId) return err(new WebhookRejectedError('MALFORMED', 'X-Webhook-Id is required'));
    return ok({ deliveryId, topic: String(payload.type), payload });
  },
  map(delivery, tenantId) {
    const payload = delivery.payload as Record<string, unknown>;
    if (delivery.topic !== 'order.paid') return ok([]);
    if (typeof payload['orderId'] !== 'string' || typeof payload['amount'] !== 'number') {
      return err(new ValidationError('orderId and amount are required'));
    }
    const event: InboundEvent = {
      type: 'order.completed',
      detail: {
        tenantId,
        eventId: `custom:${payload['orderId']}:completed`,
        orderId: payload['orderId'],
        amount: payload['amount'],
        currency: String(payload['currency'] ?? 'USD'),
        customer: { source: 'custom', email: String(payload['email'] ?? '') },
      },
    };
    return ok([event]);
  },
};

/** The test scheme under the names custom and shopify (a shop's connection routes by its domain). */
export const testWebhookProviders: WebhookProviderRegistry = (name) =>
  name === 'custom' ? testWebhookProvider : name === 'shopify' ? { ...testWebhookProvider, name: 'shopify' } : undefined;

/** `sha256=<hex>` of `timestamp.body` with the secret. */
export function signTestDelivery(secret: string, timestamp: number, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}
