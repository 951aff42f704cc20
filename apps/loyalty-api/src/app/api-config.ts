/** Settings the API reads from its environment; validated once at start-up. */
export interface ApiConfig {
  readonly TABLE_NAME: string;
  readonly EVENTS_QUEUE_URL: string;
  /** HS256 secret for bearer tokens. */
  readonly JWT_SECRET: string;
  readonly JWT_ISSUER?: string;
  readonly JWT_AUDIENCE?: string;
  /** Signs list positions (`nextToken`) so that clients cannot forge them. */
  readonly PAGE_TOKEN_SECRET: string;
  readonly CORS_ORIGINS: string;
}

const REQUIRED = ['TABLE_NAME', 'EVENTS_QUEUE_URL', 'JWT_SECRET', 'PAGE_TOKEN_SECRET'] as const;

export function validateApiConfig(env: Record<string, unknown>): ApiConfig {
  const missing = REQUIRED.filter((name) => typeof env[name] !== 'string' || env[name] === '');
  if (missing.length > 0) throw new Error(`Missing settings: ${missing.join(', ')}`);
  const secret = env['JWT_SECRET'] as string;
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  const pageTokenSecret = env['PAGE_TOKEN_SECRET'] as string;
  if (pageTokenSecret.length < 32) throw new Error('PAGE_TOKEN_SECRET must be at least 32 characters');
  return {
    TABLE_NAME: env['TABLE_NAME'] as string,
    EVENTS_QUEUE_URL: env['EVENTS_QUEUE_URL'] as string,
    JWT_SECRET: secret,
    JWT_ISSUER: env['JWT_ISSUER'] as string | undefined,
    JWT_AUDIENCE: env['JWT_AUDIENCE'] as string | undefined,
    PAGE_TOKEN_SECRET: pageTokenSecret,
    CORS_ORIGINS: (env['CORS_ORIGINS'] as string | undefined) ?? '*',
  };
}
