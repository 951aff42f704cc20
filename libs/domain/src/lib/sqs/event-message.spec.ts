import { eventMessage } from './event-message';

describe('eventMessage', () => {
  it('shapes the event as EventBridge delivers it and types it in the eventType attribute', () => {
    // Prepare
    const event = {
      id: 'evt_1',
      type: 'user.created',
      source: 'loyalty.api',
      time: '2026-11-21T10:00:00.000Z',
      detail: { tenantId: 'demo', eventId: 'evt_1', userId: 'user_1' },
    };

    // Act
    const message = eventMessage('https://queue', event);

    // Assess
    expect(message.QueueUrl).toBe('https://queue');
    expect(JSON.parse(message.MessageBody ?? '')).toEqual({
      'detail-type': 'user.created',
      source: 'loyalty.api',
      id: 'evt_1',
      time: '2026-11-21T10:00:00.000Z',
      detail: { tenantId: 'demo', eventId: 'evt_1', userId: 'user_1' },
    });
    expect(message.MessageAttributes).toEqual({ eventType: { DataType: 'String', StringValue: 'user.created' } });
  });
});
