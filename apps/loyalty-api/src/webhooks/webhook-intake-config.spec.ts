import { validateWebhookIntakeConfig } from './webhook-intake-config';

const complete = {
  TABLE_NAME: 'loyalty-dev',
  EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/loyalty-dev-events',
  WEBHOOK_BUCKET: 'loyalty-dev-webhooks',
};

describe('validateWebhookIntakeConfig', () => {
  it('needs no token settings, and keeps the raw log 30 days by default', () => {
    // Act
    const config = validateWebhookIntakeConfig(complete);

    // Assess
    expect(config).toEqual({ ...complete, WEBHOOK_RETENTION_DAYS: 30 });
  });

  it('names every missing setting', () => {
    // Act
    const validate = () => validateWebhookIntakeConfig({ TABLE_NAME: 'loyalty-dev' });

    // Assess
    expect(validate).toThrow('Missing settings: EVENTS_QUEUE_URL, WEBHOOK_BUCKET');
  });

  it.each(['2', '3651', '7.5', 'thirty'])('refuses a retention of %s days', (days) => {
    // Act
    const validate = () => validateWebhookIntakeConfig({ ...complete, WEBHOOK_RETENTION_DAYS: days });

    // Assess
    expect(validate).toThrow('WEBHOOK_RETENTION_DAYS');
  });
});
