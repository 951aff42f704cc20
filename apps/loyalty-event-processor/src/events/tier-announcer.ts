import { EventLedgerNotificationPublisher, LedgerEntry, tierNotificationOf } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';

/** Sends `tier.changed` for the entries that moved a customer to another tier. */
@Injectable()
export class TierAnnouncer {
  constructor(private readonly notifications: EventLedgerNotificationPublisher) {}

  async announce(entries: readonly LedgerEntry[]): Promise<void> {
    const notifications = entries.flatMap(tierNotificationOf);
    if (notifications.length > 0) await this.notifications.publish(notifications);
  }
}
