import {
  apiGatewayEvent,
  ordersOfDistinctCustomers,
  toBatches,
} from './bench-events';

describe('toBatches', () => {
  it('cuts records into SQS events of at most the batch size, in order', () => {
    // Prepare
    const records = ordersOfDistinctCustomers('t-1', 25);

    // Act
    const batches = toBatches(records, 10);

    // Assess
    expect(batches.map((batch) => batch.Records.length)).toEqual([10, 10, 5]);
    expect(batches.flatMap((batch) => batch.Records)).toEqual(records);
  });
});

describe('ordersOfDistinctCustomers', () => {
  it('gives every order its own customer and order id, as an EventBridge envelope in the body', () => {
    // Prepare
    const tenantId = 't-1';

    // Act
    const records = ordersOfDistinctCustomers(tenantId, 3);

    // Assess
    const details = records.map((record) => JSON.parse(record.body).detail);
    expect(
      details.map(({ userId, orderId }) => `${userId}/${orderId}`),
    ).toEqual(['user_0/order_0', 'user_1/order_1', 'user_2/order_2']);
    expect(JSON.parse(records[0].body)['detail-type']).toBe('order.completed');
    expect(new Set(records.map((record) => record.messageId)).size).toBe(3);
  });
});

describe('apiGatewayEvent', () => {
  it('builds an HTTP API payload 2.0 event with the bearer token and a JSON body', () => {
    // Prepare
    const request = {
      method: 'POST' as const,
      path: '/points/user_1/redeem',
      token: 'abc',
      body: { points: 5 },
      headers: { 'idempotency-key': 'k-1' },
    };

    // Act
    const event = apiGatewayEvent(request);

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      rawPath: '/points/user_1/redeem',
      body: '{"points":5}',
      headers: {
        authorization: 'Bearer abc',
        'content-type': 'application/json',
        'idempotency-key': 'k-1',
      },
      requestContext: {
        http: { method: 'POST', path: '/points/user_1/redeem' },
      },
    });
  });

  it('sends no authorization header for a public route', () => {
    // Prepare
    const request = { method: 'GET' as const, path: '/health' };

    // Act
    const event = apiGatewayEvent(request);

    // Assess
    expect(event.headers).not.toHaveProperty('authorization');
    expect(event).not.toHaveProperty('body');
  });
});
