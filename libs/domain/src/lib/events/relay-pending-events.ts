import { EventDelivery } from './event-delivery';
import { EventOutbox } from './event-outbox';

export interface RelayReport {
  readonly published: readonly string[];
  readonly failed: readonly { readonly eventId: string; readonly error: unknown }[];
}

/**
 * Use case, run on a schedule: publishes the events whose producer stored them but did not get to
 * send them (a crash or a queue outage right after the write). `before` leaves producers the time to
 * send their own events first; an event sent twice is harmless, consumers dedupe on its id.
 */
export class RelayPendingEvents {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly delivery: EventDelivery,
  ) {}

  async execute(before: Date, limit: number): Promise<RelayReport> {
    const published: string[] = [];
    const failed: { eventId: string; error: unknown }[] = [];
    for (const event of await this.outbox.pending(before, limit)) {
      try {
        await this.delivery.deliver(event);
        published.push(event.id);
      } catch (error) {
        failed.push({ eventId: event.id, error });
      }
    }
    return { published, failed };
  }
}
