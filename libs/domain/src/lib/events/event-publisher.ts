import { OutboundEvent } from './outbound-event';

/** Port: hands an event to the events queue. Delivery is at-least-once: consumers dedupe on `id`. */
export interface EventPublisher {
  publish(event: OutboundEvent): Promise<void>;
}
