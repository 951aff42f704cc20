import { OutboundEvent } from './outbound-event';

/**
 * Port: events stored in the same transaction as the change they announce, kept until published.
 * An event therefore exists exactly when its change does, and is never lost between the write and
 * the send.
 */
export interface EventOutbox {
  /** Events stored before `before` and not yet published, oldest first. */
  pending(before: Date, limit: number): Promise<OutboundEvent[]>;
  markPublished(event: OutboundEvent): Promise<void>;
}
