import { readProcessorConfig } from './processor-config';

const required = {
  TABLE_NAME: 'loyalty-test',
  EVENTS_QUEUE_URL: 'http://127.0.0.1:9324/000000000000/events',
  NOTIFICATIONS_QUEUE_URL: 'http://127.0.0.1:9324/000000000000/notifications',
};

describe('readProcessorConfig', () => {
  it('reads the redrive limit of the events queue when it is given', () => {
    // Prepare
    const env = { ...required, EVENTS_MAX_RECEIVE_COUNT: '5' };

    // Act
    const config = readProcessorConfig(env);

    // Assess
    expect(config).toEqual({
      tableName: 'loyalty-test',
      eventsQueueUrl: required.EVENTS_QUEUE_URL,
      notificationsQueueUrl: required.NOTIFICATIONS_QUEUE_URL,
      eventsMaxReceiveCount: 5,
    });
  });

  it('leaves the redrive limit unknown when it is not given', () => {
    // Act
    const config = readProcessorConfig(required);

    // Assess
    expect(config.eventsMaxReceiveCount).toBeUndefined();
  });

  it.each(['0', '-1', '2.5', 'five', '', '1000'])('refuses %p as the redrive limit at start-up', (value) => {
    // Act
    const read = () => readProcessorConfig({ ...required, EVENTS_MAX_RECEIVE_COUNT: value });

    // Assess
    expect(read).toThrow('EVENTS_MAX_RECEIVE_COUNT must be a whole number from 1 to 999');
  });

  it('fails at start-up when the table is not named', () => {
    // Act
    const read = () => readProcessorConfig({ ...required, TABLE_NAME: undefined });

    // Assess
    expect(read).toThrow('TABLE_NAME is not set');
  });
});
