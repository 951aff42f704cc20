import type { ReceivedEvent } from './event-envelope';

/**
 * Handles the events of one family (orders, customers, ...). Returning acknowledges the message;
 * throwing EventRejectedError sends it to the dead-letter queue, anything else is retried.
 */
export interface EventFamilyHandler {
  readonly types: readonly string[];
  handle(event: ReceivedEvent): Promise<void>;
}
