import { buildOrderCompletedEvent } from './order-completed-event';

describe('buildOrderCompletedEvent', () => {
  const input = {
    tenantId: 'demo',
    userId: 'user_123',
    orderId: 'order_1',
    amount: '150.00',
    currency: 'USD',
  };

  it('builds an EventBridge envelope around the order', () => {
    // Prepare
    const now = new Date('2025-11-21T10:00:00.000Z');

    // Act
    const event = buildOrderCompletedEvent({ ...input, eventId: 'evt-1' }, now);

    // Assess
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'order.completed',
      source: 'ecommerce.platform',
      account: '000000000000',
      time: '2025-11-21T10:00:00.000Z',
      region: 'us-east-1',
      resources: [],
      detail: {
        tenantId: 'demo',
        eventId: 'evt-1',
        orderId: 'order_1',
        userId: 'user_123',
        amount: 150,
        currency: 'USD',
        items: [
          { sku: 'SKU-DEMO-1', category: 'general', price: 150, quantity: 1 },
        ],
        channel: 'online',
      },
    });
  });

  it('gives every event its own envelope id and, unless told, its own eventId', () => {
    // Prepare
    const now = new Date();

    // Act
    const first = buildOrderCompletedEvent(input, now);
    const second = buildOrderCompletedEvent(input, now);

    // Assess
    expect(first.id).not.toBe(second.id);
    expect(first.detail.eventId).not.toBe(second.detail.eventId);
  });

  it.each(['-1', '1e3', 'abc', '150,00', ''])(
    'rejects the amount %j',
    (amount) => {
      // Prepare
      const badInput = { ...input, amount };

      // Act
      const build = () => buildOrderCompletedEvent(badInput);

      // Assess
      expect(build).toThrow('amount must be a decimal number');
    },
  );
});
