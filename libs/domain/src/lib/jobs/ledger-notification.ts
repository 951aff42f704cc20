import { TierChanged } from '../tiers/tier-change';
import type { CustomerDataExported } from '../users/customer-data-exported';

/** `points.expiring_soon`: a lot will lapse soon. */
export interface ExpiringSoonNotice {
  readonly type: 'points.expiring_soon';
  readonly eventId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly lotId: string;
  readonly points: number;
  readonly expiresAt: string;
}

/** What the ledger tells the outside world (for emails, pushes, CRM); `eventId` is stable, so consumers deduplicate. */
export type LedgerNotification = ExpiringSoonNotice | (TierChanged & { readonly eventId: string }) | CustomerDataExported;

/** Port: sends notifications, at least once. */
export interface LedgerNotificationPublisher {
  publish(notifications: readonly LedgerNotification[]): Promise<void>;
}

/** The `tier.changed` notification of an entry that moved its customer to another tier. */
export function tierNotificationOf(entry: { entryId: string; tierChanged?: TierChanged }): LedgerNotification[] {
  return entry.tierChanged ? [{ ...entry.tierChanged, eventId: `tier.changed#${entry.entryId}` }] : [];
}
