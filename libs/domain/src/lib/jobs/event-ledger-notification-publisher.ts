import type { EventPublisher } from '../events/event-publisher';
import type { LedgerNotification, LedgerNotificationPublisher } from './ledger-notification';

/** Where the ledger's notifications come from, for consumers filtering on `source`. */
export const LOYALTY_LEDGER_SOURCE = 'loyalty.ledger';

/** Sends each notification as a platform event (its `eventId` is the event's id) through a publisher. */
export class EventLedgerNotificationPublisher implements LedgerNotificationPublisher {
  constructor(
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(notifications: readonly LedgerNotification[]): Promise<void> {
    for (const notification of notifications) {
      await this.events.publish({
        id: notification.eventId,
        type: notification.type,
        source: LOYALTY_LEDGER_SOURCE,
        time: this.now().toISOString(),
        detail: notification,
      });
    }
  }
}
