import { EventOutbox } from './event-outbox';
import { EventPublisher } from './event-publisher';
import { OutboundEvent } from './outbound-event';

/** Publishes an event from the outbox, then removes it there; a failure leaves it for the relay. */
export class EventDelivery {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly outbox: EventOutbox,
  ) {}

  async deliver(event: OutboundEvent): Promise<void> {
    await this.publisher.publish(event);
    await this.outbox.markPublished(event);
  }
}
