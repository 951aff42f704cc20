import type { OutboundEvent } from '../events/outbound-event';
import type { InboundEvent } from './platform-events';
import type { WebhookProviderName } from './webhook-provider';

/** The EventBridge `source` of the events a provider's webhooks produce, e.g. `webhooks.stripe`. */
export function webhookEventSource(provider: WebhookProviderName): string {
  return `webhooks.${provider}`;
}

/**
 * A mapped event as the events queue carries it: an EventBridge envelope whose id is the event's
 * own (`detail.eventId`), so every copy of one delivery's event has the same identity.
 */
export function webhookEvent(event: InboundEvent, provider: WebhookProviderName, time: Date): OutboundEvent {
  return {
    id: event.detail.eventId,
    type: event.type,
    source: webhookEventSource(provider),
    time: time.toISOString(),
    detail: event.detail,
  };
}
