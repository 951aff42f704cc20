import type { OutboundEvent } from '../events/outbound-event';
import { keys } from './keys';

/** An event in the outbox, listed on index GSI2 until it is published and deleted. */
export function outboxItem(event: OutboundEvent): Record<string, unknown> {
  return {
    ...keys.outboxEvent(event.detail.tenantId, event.id),
    ...keys.pendingEvent(event.time, event.id),
    entityType: 'OUTBOX_EVENT',
    event,
  };
}
