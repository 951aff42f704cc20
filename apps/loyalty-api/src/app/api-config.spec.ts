import { validateApiConfig } from './api-config';

const complete = {
  TABLE_NAME: 'loyalty-dev',
  EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/loyalty-dev-events',
  JWT_SECRET: 's'.repeat(32),
  PAGE_TOKEN_SECRET: 'p'.repeat(32),
};

describe('validateApiConfig', () => {
  it('accepts a complete environment and defaults CORS to any origin', () => {
    // Act
    const config = validateApiConfig(complete);

    // Assess
    expect(config).toMatchObject({ ...complete, CORS_ORIGINS: '*' });
  });

  it.each(['TABLE_NAME', 'EVENTS_QUEUE_URL', 'JWT_SECRET', 'PAGE_TOKEN_SECRET'])('refuses to start without %s', (name) => {
    // Act
    const validate = () => validateApiConfig({ ...complete, [name]: '' });

    // Assess
    expect(validate).toThrow(name);
  });

  it.each(['JWT_SECRET', 'PAGE_TOKEN_SECRET'])('refuses a %s shorter than 32 characters', (name) => {
    // Act
    const validate = () => validateApiConfig({ ...complete, [name]: 'short' });

    // Assess
    expect(validate).toThrow(`${name} must be at least 32 characters`);
  });
});
