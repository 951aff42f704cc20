import { readEvent } from './event-envelope';
import { EventRejectedError } from './event-rejected-error';

describe('readEvent', () => {
  it('unwraps an EventBridge envelope', () => {
    // Act
    const event = readEvent(JSON.stringify({ 'detail-type': 'order.completed', source: 's', detail: { orderId: 'o' } }));

    // Assess
    expect(event).toEqual({ type: 'order.completed', detail: { orderId: 'o' } });
  });

  it('takes a bare detail typed by its own field or by the message attribute', () => {
    // Act
    const byField = readEvent(JSON.stringify({ type: 'order.completed', orderId: 'o' }));
    const byAttribute = readEvent(JSON.stringify({ orderId: 'o' }), 'order.completed');

    // Assess
    expect(byField.type).toBe('order.completed');
    expect(byAttribute).toEqual({ type: 'order.completed', detail: { orderId: 'o' } });
  });

  it.each([
    ['not JSON', '{'],
    ['a JSON array', '[]'],
    ['a JSON string', '"order"'],
    ['an envelope without detail object', JSON.stringify({ 'detail-type': 'order.completed', detail: 'x' })],
    ['an untyped bare detail', JSON.stringify({ orderId: 'o' })],
  ])('rejects %s', (_case, body) => {
    // Act
    const read = () => readEvent(body);

    // Assess
    expect(read).toThrow(EventRejectedError);
  });
});
