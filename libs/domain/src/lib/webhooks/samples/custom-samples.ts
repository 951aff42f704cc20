import { randomUUID } from 'node:crypto';
import { InboundEvent, InboundEventType } from '../platform-events';
import { WebhookSample } from './webhook-sample';

/**
 * What a custom producer writes in `detail`: the event's detail less what the platform fills in
 * (a `tenantId`, when given, must be the connection's).
 */
export type CustomEventDetail<T extends InboundEventType> = Omit<
  Extract<InboundEvent, { type: T }>['detail'],
  'tenantId' | 'eventId'
> & { readonly tenantId?: string };

export interface CustomSampleOptions {
  /** The event id (`id`); a new one unless a redelivery is wanted. */
  readonly id?: string;
  /** Sent as X-Delivery-Id when given. */
  readonly deliveryId?: string;
}

/** A delivery of the platform's own scheme: `{"id", "type", "detail"}`. */
export function customEventSample<T extends InboundEventType>(
  type: T,
  detail: CustomEventDetail<T>,
  { id = `evt-${randomUUID()}`, deliveryId }: CustomSampleOptions = {},
): WebhookSample {
  return {
    provider: 'custom',
    topic: type,
    body: JSON.stringify({ id, type, detail }),
    headers: { 'content-type': 'application/json', ...(deliveryId !== undefined && { 'x-delivery-id': deliveryId }) },
  };
}
