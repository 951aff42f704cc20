/** What every event the platform publishes carries in its `detail` (SPEC "Events"). */
export interface EventDetail {
  readonly tenantId: string;
  readonly eventId: string;
}

/**
 * An event this platform publishes, in EventBridge terms: `type` is the `detail-type`. `id` equals
 * `detail.eventId`, so every copy of a re-sent event carries the same identity for consumers.
 */
export interface OutboundEvent<Detail extends EventDetail = EventDetail> {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly time: string;
  readonly detail: Detail;
}

/** The `source` of the events the loyalty API produces. */
export const LOYALTY_API_SOURCE = 'loyalty.api';

/** The `source` of the events the event processor hands back to the events queue (work to continue). */
export const LOYALTY_PROCESSOR_SOURCE = 'loyalty.processor';
