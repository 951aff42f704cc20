import { isIdentifier } from '../shared/identifier';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { INBOUND_EVENT_TYPES, InboundEvent, InboundEventType } from './platform-events';
import { ProviderPayloadReader } from './provider-payload-reader';
import { RawDelivery, VerifiedDelivery, WebhookConnection, WebhookProvider } from './webhook-provider';
import { WebhookRejectedError } from './webhook-rejected-error';
import { hmacSha256, isFresh, parseJsonBody, parseTimestamp, rejection, signedByAnySecret } from './webhook-signature';

export const CUSTOM_TOLERANCE_SECONDS = 300;

/**
 * The platform's own scheme, for any producer that is not one of the named providers:
 *
 *     X-Timestamp: <unix seconds>
 *     X-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Timestamp>.<raw body>")>
 *     X-Delivery-Id: <optional; else the body's id>
 *
 *     {"id": "<event id>", "type": "<an inbound event type>", "detail": {...}}
 *
 * `detail` is the event's detail as the platform defines it (platform-events.ts). Its tenant is the
 * connection's (a `tenantId` naming another is refused) and its `eventId` is the body's `id`.
 */
export class CustomWebhookProvider implements WebhookProvider {
  readonly name = 'custom';

  verify(delivery: RawDelivery, connection: WebhookConnection): Result<VerifiedDelivery, WebhookRejectedError> {
    const { headers, body } = delivery;
    const signature = headers['x-signature'];
    const timestampText = headers['x-timestamp'];
    if (!signature || !timestampText) {
      return rejection('MISSING_SIGNATURE', 'X-Signature and X-Timestamp are both required');
    }
    const timestamp = parseTimestamp(timestampText);
    if (timestamp === undefined) return rejection('BAD_SIGNATURE', 'X-Timestamp is not a number of seconds');
    const valid = signedByAnySecret(
      connection.secrets,
      [signature],
      (secret) => `sha256=${hmacSha256(secret, `${timestampText}.`, body).toString('hex')}`,
    );
    if (!valid) return rejection('BAD_SIGNATURE', 'X-Signature does not match the body');
    const now = Math.floor(delivery.receivedAt.getTime() / 1000);
    if (!isFresh(timestamp, now, CUSTOM_TOLERANCE_SECONDS)) {
      return rejection('STALE_TIMESTAMP', `X-Timestamp is more than ${CUSTOM_TOLERANCE_SECONDS} s away from now`, {
        timestamp,
      });
    }

    const parsed = parseJsonBody(body, 'custom');
    if (!parsed.ok) return parsed;
    const event = parsed.value as Record<string, unknown> | null;
    const id = typeof event === 'object' && event !== null ? event['id'] : undefined;
    const type = typeof event === 'object' && event !== null ? event['type'] : undefined;
    const deliveryId = headers['x-delivery-id'] ?? id;
    if (!isIdentifier(id) || !isIdentifier(deliveryId) || typeof type !== 'string') {
      return rejection('MALFORMED', 'A custom delivery is {"id", "type", "detail"} with an id of letters, digits, _ . : -');
    }
    return ok({ deliveryId, topic: type, payload: event });
  }

  /** A type the platform does not know is refused, not ignored: the producer is ours to correct. */
  map(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
    const read = new ProviderPayloadReader();
    const event = read.object('event', delivery.payload) ?? {};
    const eventId = read.identifier('id', event['id']);
    const type = read.oneOf<InboundEventType>('type', event['type'], INBOUND_EVENT_TYPES);
    const detail = read.object('detail', event['detail']);
    if (detail?.['tenantId'] !== undefined && detail['tenantId'] !== tenantId) {
      read.fail('detail.tenantId', `absent, or this connection's tenant (${tenantId})`);
    }
    if (read.failed || eventId === undefined || type === undefined || detail === undefined) {
      return err(read.toError('The custom event is not {"id", "type", "detail"} as documented'));
    }
    // The detail itself is validated by the processor, as for every producer.
    return ok([{ type, detail: { ...detail, tenantId, eventId } } as InboundEvent]);
  }
}
