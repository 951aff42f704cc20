import { buildOrderCompletedEvent } from '../../lib/events/order-completed-event';
import {
  buildOrderCancelledEvent,
  buildOrderRefundedEvent,
} from '../../lib/events/order-changed-event';
import { ExpectedLedger } from './expected-ledger';
import type { SeededRandom } from './seeded-random';

/** One event of a scenario, as the body of the SQS message that carries it. */
export interface ScenarioEvent {
  readonly eventId: string;
  readonly type: 'order.completed' | 'order.refunded' | 'order.cancelled';
  readonly orderId: string;
  readonly body: string;
}

export interface OrderEventMixOptions {
  tenantId: string;
  users: number;
  orders: number;
  /** Orders refunded by half (with a refund id), in full, and cancelled: distinct orders. */
  partialRefunds?: number;
  fullRefunds?: number;
  cancellations?: number;
}

export interface OrderEventMix {
  readonly completions: readonly ScenarioEvent[];
  readonly changes: readonly ScenarioEvent[];
  /** The ledger once every event took effect exactly once. */
  readonly expected: ExpectedLedger;
}

/**
 * A tenant's orders spread over its customers, with amounts in steps of 20.00 (so each earns an
 * even number of points and a refund of half takes back exactly half), and refunds and
 * cancellations of distinct orders: every event's effect is the same in any delivery order.
 */
export function orderEventMix(
  random: SeededRandom,
  {
    tenantId,
    users,
    orders,
    partialRefunds = 0,
    fullRefunds = 0,
    cancellations = 0,
  }: OrderEventMixOptions,
): OrderEventMix {
  if (partialRefunds + fullRefunds + cancellations > orders) {
    throw new Error('Each change needs an order of its own');
  }
  const userIds = Array.from({ length: users }, (_, i) => `user_${i + 1}`);
  const expected = new ExpectedLedger();
  let eventCount = 0;
  const nextEventId = () => `evt_${++eventCount}`;

  const completions = Array.from({ length: orders }, (_, i) => {
    const orderId = `order_${i + 1}`;
    const userId = random.pick(userIds);
    const amount = `${20 * random.integer(1, 20)}.00`;
    expected.complete(userId, orderId, amount);
    const event = buildOrderCompletedEvent({
      tenantId,
      userId,
      orderId,
      amount,
      currency: 'USD',
      eventId: nextEventId(),
    });
    return scenarioEvent(event, orderId);
  });

  const changed = random.shuffle(completions.map((event) => event.orderId));
  const changes: ScenarioEvent[] = [];
  const change = (count: number, build: (orderId: string) => EventEnvelope) => {
    for (const orderId of changed.splice(0, count)) {
      changes.push(scenarioEvent(build(orderId), orderId));
    }
  };
  change(partialRefunds, (orderId) => {
    const half = expected.pointsOf(orderId) * 5; // 1 point per 10.00: half the amount
    expected.refund(orderId, `${half}.00`);
    return buildOrderRefundedEvent({
      tenantId,
      orderId,
      amount: `${half}.00`,
      refundId: `refund_${orderId}`,
      eventId: nextEventId(),
    });
  });
  change(fullRefunds, (orderId) => {
    expected.refund(orderId);
    return buildOrderRefundedEvent({
      tenantId,
      orderId,
      eventId: nextEventId(),
    });
  });
  change(cancellations, (orderId) => {
    expected.cancel(orderId);
    return buildOrderCancelledEvent({
      tenantId,
      orderId,
      eventId: nextEventId(),
    });
  });
  return { completions, changes, expected };
}

type EventEnvelope = { 'detail-type': string; detail: { eventId: string } };

function scenarioEvent(event: EventEnvelope, orderId: string): ScenarioEvent {
  return {
    eventId: event.detail.eventId,
    type: event['detail-type'] as ScenarioEvent['type'],
    orderId,
    body: JSON.stringify(event),
  };
}
