import { EventDelivery } from './event-delivery';
import { EventOutbox } from './event-outbox';
import { EventPublisher } from './event-publisher';
import { OutboundEvent } from './outbound-event';
import { RelayPendingEvents } from './relay-pending-events';

/* The outbox and the queue against the local servers are tested in the integration tests; here a
 * queue that fails for one event, which a local server does not do on demand. */

const event = (id: string): OutboundEvent => ({
  id,
  type: 'user.created',
  source: 'loyalty.api',
  time: '2026-11-21T10:00:00.000Z',
  detail: { tenantId: 'demo', eventId: id },
});

class Outbox implements EventOutbox {
  readonly asked: { before: Date; limit: number }[] = [];
  constructor(public events: OutboundEvent[]) {}

  async pending(before: Date, limit: number) {
    this.asked.push({ before, limit });
    return this.events;
  }

  async markPublished(published: OutboundEvent) {
    this.events = this.events.filter((candidate) => candidate !== published);
  }
}

class FlakyQueue implements EventPublisher {
  readonly published: string[] = [];
  constructor(private readonly failing: string) {}

  async publish(published: OutboundEvent) {
    if (published.id === this.failing) throw new Error(`cannot send ${published.id}`);
    this.published.push(published.id);
  }
}

describe('RelayPendingEvents', () => {
  it('publishes every pending event, keeps the one that failed, and reports both', async () => {
    // Prepare
    const outbox = new Outbox([event('evt_1'), event('evt_2'), event('evt_3')]);
    const queue = new FlakyQueue('evt_2');
    const before = new Date('2026-11-21T10:05:00.000Z');

    // Act
    const report = await new RelayPendingEvents(outbox, new EventDelivery(queue, outbox)).execute(before, 50);

    // Assess
    expect(outbox.asked).toEqual([{ before, limit: 50 }]);
    expect(report.published).toEqual(['evt_1', 'evt_3']);
    expect(report.failed).toEqual([{ eventId: 'evt_2', error: new Error('cannot send evt_2') }]);
    expect(outbox.events.map((pending) => pending.id)).toEqual(['evt_2']);
  });
});
