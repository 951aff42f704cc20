import { validateApiConfig } from './api-config';

const complete = {
  TABLE_NAME: 'loyalty-dev',
  EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/loyalty-dev-events',
  NOTIFICATIONS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/loyalty-dev-notifications',
  WEBHOOK_BUCKET: 'loyalty-dev-webhooks',
  JWT_SECRET: 's'.repeat(32),
  PAGE_TOKEN_SECRET: 'p'.repeat(32),
};

describe('validateApiConfig', () => {
  it('accepts a complete environment, defaults CORS to any origin and keeps /docs off', () => {
    // Act
    const config = validateApiConfig(complete);

    // Assess
    expect(config).toMatchObject({ ...complete, CORS_ORIGINS: '*', API_DOCS_ENABLED: false, WEBHOOK_RETENTION_DAYS: 30 });
  });

  it.each(['TABLE_NAME', 'EVENTS_QUEUE_URL', 'NOTIFICATIONS_QUEUE_URL', 'WEBHOOK_BUCKET', 'PAGE_TOKEN_SECRET'])('refuses to start without %s', (name) => {
    // Act
    const validate = () => validateApiConfig({ ...complete, [name]: '' });

    // Assess
    expect(validate).toThrow(name);
  });

  it('refuses to start with neither a JWT secret nor a key set URL', () => {
    // Act
    const validate = () => validateApiConfig({ ...complete, JWT_SECRET: '' });

    // Assess
    expect(validate).toThrow('JWT_SECRET or JWT_JWKS_URL');
  });

  it('needs no JWT secret when tokens are verified with a key set', () => {
    // Act
    const config = validateApiConfig({ ...complete, JWT_SECRET: '', JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' });

    // Assess
    expect(config).toMatchObject({ JWT_SECRET: undefined, JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' });
  });

  it.each([
    ['http://id.example.com/jwks.json', 'https'],
    ['not a url', 'must be a URL'],
  ])('refuses the key set URL %s', (url, message) => {
    // Act
    const validate = () => validateApiConfig({ ...complete, JWT_JWKS_URL: url });

    // Assess
    expect(validate).toThrow(message);
  });

  it('accepts a plain-HTTP key set on the loopback interface only', () => {
    // Act
    const config = validateApiConfig({ ...complete, JWT_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' });

    // Assess
    expect(config.JWT_JWKS_URL).toBe('http://127.0.0.1:8080/jwks.json');
  });

  it.each(['JWT_SECRET', 'PAGE_TOKEN_SECRET'])('refuses a %s shorter than 32 characters', (name) => {
    // Act
    const validate = () => validateApiConfig({ ...complete, [name]: 'short' });

    // Assess
    expect(validate).toThrow(`${name} must be at least 32 characters`);
  });

  it.each([
    ['true', true],
    ['false', false],
  ])('reads API_DOCS_ENABLED=%s', (value, enabled) => {
    // Act
    const config = validateApiConfig({ ...complete, API_DOCS_ENABLED: value });

    // Assess
    expect(config.API_DOCS_ENABLED).toBe(enabled);
  });

  it('refuses an API_DOCS_ENABLED that is not true or false', () => {
    // Act
    const validate = () => validateApiConfig({ ...complete, API_DOCS_ENABLED: 'yes' });

    // Assess
    expect(validate).toThrow('API_DOCS_ENABLED must be true or false');
  });
});
