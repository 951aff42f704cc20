import {
  buildOrderCancelledEvent,
  buildOrderRefundedEvent,
} from './order-changed-event';

describe('order change events', () => {
  const now = new Date('2025-11-21T10:00:00.000Z');
  const order = { tenantId: 'demo', orderId: 'order_1', eventId: 'evt-2' };

  it('builds a partial order.refunded with its amount and refund id', () => {
    // Act
    const event = buildOrderRefundedEvent(
      { ...order, amount: '50.00', refundId: 'refund_1' },
      now,
    );

    // Assess
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'order.refunded',
      source: 'ecommerce.platform',
      account: '000000000000',
      time: '2025-11-21T10:00:00.000Z',
      region: 'us-east-1',
      resources: [],
      detail: {
        tenantId: 'demo',
        eventId: 'evt-2',
        orderId: 'order_1',
        amount: 50,
        refundId: 'refund_1',
      },
    });
  });

  it('builds a full order.refunded without an amount', () => {
    // Act
    const event = buildOrderRefundedEvent(order, now);

    // Assess
    expect(event.detail).toEqual({
      tenantId: 'demo',
      eventId: 'evt-2',
      orderId: 'order_1',
    });
  });

  it('builds an order.cancelled with its own eventId unless told', () => {
    // Act
    const event = buildOrderCancelledEvent(
      { tenantId: 'demo', orderId: 'order_1' },
      now,
    );

    // Assess
    expect(event['detail-type']).toBe('order.cancelled');
    expect(event.detail).toEqual({
      tenantId: 'demo',
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      orderId: 'order_1',
    });
  });

  it('rejects an amount that is not a decimal number', () => {
    // Act
    const build = () => buildOrderRefundedEvent({ ...order, amount: '-5' });

    // Assess
    expect(build).toThrow('amount must be a decimal number');
  });
});
