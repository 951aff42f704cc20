import { validateWebhookIntakeConfig, WebhookIntakeConfig } from '../webhooks/webhook-intake-config';

/** Settings the API reads from its environment; validated once at start-up. */
export interface ApiConfig extends WebhookIntakeConfig {
  /** Where `tier.changed` goes when an order through the API moves a customer to another tier. */
  readonly NOTIFICATIONS_QUEUE_URL: string;
  /** HS256 secret for bearer tokens; used only when no JWT_JWKS_URL is set (local runs). */
  readonly JWT_SECRET?: string;
  /** The identity provider's JSON Web Key Set (RS256/ES256 tokens); when set, HS256 is refused. */
  readonly JWT_JWKS_URL?: string;
  readonly JWT_ISSUER?: string;
  readonly JWT_AUDIENCE?: string;
  /** Signs list positions (`nextToken`) so that clients cannot forge them. */
  readonly PAGE_TOKEN_SECRET: string;
  readonly CORS_ORIGINS: string;
  /** Serves the OpenAPI document and its UI at /docs. Off unless set to `true`. */
  readonly API_DOCS_ENABLED: boolean;
}

const REQUIRED = ['TABLE_NAME', 'EVENTS_QUEUE_URL', 'NOTIFICATIONS_QUEUE_URL', 'WEBHOOK_BUCKET', 'PAGE_TOKEN_SECRET'] as const;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function validateApiConfig(env: Record<string, unknown>): ApiConfig {
  const setting = (name: string) =>
    typeof env[name] === 'string' && env[name] !== '' ? (env[name] as string) : undefined;
  const missing: string[] = REQUIRED.filter((name) => setting(name) === undefined);
  const jwksUrl = setting('JWT_JWKS_URL');
  const secret = setting('JWT_SECRET');
  if (!jwksUrl && !secret) missing.push('JWT_SECRET or JWT_JWKS_URL');
  if (missing.length > 0) throw new Error(`Missing settings: ${missing.join(', ')}`);
  if (secret !== undefined && secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  const pageTokenSecret = setting('PAGE_TOKEN_SECRET') as string;
  if (pageTokenSecret.length < 32) throw new Error('PAGE_TOKEN_SECRET must be at least 32 characters');
  if (jwksUrl !== undefined) assertKeySetUrl(jwksUrl);
  const docs = setting('API_DOCS_ENABLED') ?? 'false';
  if (docs !== 'true' && docs !== 'false') throw new Error('API_DOCS_ENABLED must be true or false');
  return {
    ...validateWebhookIntakeConfig(env),
    NOTIFICATIONS_QUEUE_URL: setting('NOTIFICATIONS_QUEUE_URL') as string,
    JWT_SECRET: secret,
    JWT_JWKS_URL: jwksUrl,
    JWT_ISSUER: setting('JWT_ISSUER'),
    JWT_AUDIENCE: setting('JWT_AUDIENCE'),
    PAGE_TOKEN_SECRET: pageTokenSecret,
    CORS_ORIGINS: setting('CORS_ORIGINS') ?? '*',
    API_DOCS_ENABLED: docs === 'true',
  };
}

/** Keys that decide who may call the API come over HTTPS only (plain HTTP on loopback, for tests). */
function assertKeySetUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('JWT_JWKS_URL must be a URL');
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) throw new Error('JWT_JWKS_URL must be an https URL');
}
