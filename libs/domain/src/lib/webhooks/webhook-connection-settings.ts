import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { WebhookConnection, WebhookProviderName } from './webhook-provider';

export type SignatureVersion = NonNullable<WebhookConnection['signatureVersions']>[number];

/** What an owner sets for one provider; rotation is sending the new secret beside the old one. */
export interface WebhookConnectionSettings {
  readonly secrets: readonly string[];
  readonly signatureVersions?: readonly SignatureVersion[];
  readonly shopDomain?: string;
}

export const MAX_ACTIVE_SECRETS = 2;
const SIGNATURE_VERSIONS: readonly SignatureVersion[] = ['v1', 'v2', 'v3'];
/** Visible ASCII without spaces: what providers' secrets (whsec_…, hex, UUIDs) are made of. */
const SECRET_PATTERN = /^[\x21-\x7E]{16,512}$/;
/** A Shopify shop's permanent domain: its handle, then .myshopify.com. */
const SHOP_DOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;

/** A shop domain as Shopify's X-Shopify-Shop-Domain header carries it (case aside). */
export function normalizeShopDomain(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * The settings as they are stored, or every problem with them: 1–2 distinct secrets of 16–512
 * visible characters; signature versions for HubSpot only, a shop domain for Shopify only.
 */
export function webhookConnectionSettings(
  provider: WebhookProviderName,
  settings: WebhookConnectionSettings,
): Result<WebhookConnectionSettings, ValidationError> {
  const problems: Record<string, string> = {};
  const { secrets, signatureVersions, shopDomain } = settings;
  const validSecrets =
    Array.isArray(secrets) &&
    secrets.length >= 1 &&
    secrets.length <= MAX_ACTIVE_SECRETS &&
    secrets.every((secret) => typeof secret === 'string' && SECRET_PATTERN.test(secret)) &&
    new Set(secrets).size === secrets.length;
  if (!validSecrets) {
    problems['secrets'] = `1–${MAX_ACTIVE_SECRETS} distinct secrets of 16–512 visible characters (the new one first while rotating)`;
  }
  if (signatureVersions !== undefined) {
    const valid =
      Array.isArray(signatureVersions) &&
      signatureVersions.length > 0 &&
      signatureVersions.every((version) => SIGNATURE_VERSIONS.includes(version)) &&
      new Set(signatureVersions).size === signatureVersions.length;
    if (provider !== 'hubspot') problems['signatureVersions'] = 'only for hubspot';
    else if (!valid) problems['signatureVersions'] = `distinct versions among ${SIGNATURE_VERSIONS.join(', ')}`;
  }
  const domain = typeof shopDomain === 'string' ? normalizeShopDomain(shopDomain) : shopDomain;
  if (domain !== undefined) {
    if (provider !== 'shopify') problems['shopDomain'] = 'only for shopify';
    else if (typeof domain !== 'string' || !SHOP_DOMAIN_PATTERN.test(domain)) {
      problems['shopDomain'] = "the shop's permanent domain, e.g. example.myshopify.com";
    }
  }
  if (Object.keys(problems).length > 0) {
    return err(new ValidationError('Invalid webhook connection', { fields: problems }));
  }
  return ok({
    secrets: [...secrets],
    ...(signatureVersions !== undefined && { signatureVersions: [...signatureVersions] }),
    ...(domain !== undefined && { shopDomain: domain }),
  });
}
