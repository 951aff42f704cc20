import type { AlreadyExistsError } from '../shared/already-exists-error';
import type { ConcurrencyError } from '../shared/concurrency-error';
import type { Result } from '../shared/result';
import type { StoredWebhookConnection } from './stored-webhook-connection';
import type { WebhookProviderName } from './webhook-provider';

/** Port: each tenant's connections to the providers, at most one per provider. */
export interface WebhookConnectionRepository {
  get(tenantId: string, provider: WebhookProviderName): Promise<StoredWebhookConnection | undefined>;
  /** The Shopify connection of the tenant that is this shop (`example.myshopify.com`). */
  findByShopDomain(shopDomain: string): Promise<StoredWebhookConnection | undefined>;
  list(tenantId: string): Promise<readonly StoredWebhookConnection[]>;
  /**
   * Creates or replaces the tenant's connection to its provider over `previous` (the one it was
   * read as; undefined to create), keeping the shop domain index in line. Refused when another
   * tenant holds the shop domain, or when the connection changed since `previous` was read.
   */
  save(
    connection: StoredWebhookConnection,
    previous: StoredWebhookConnection | undefined,
  ): Promise<Result<StoredWebhookConnection, AlreadyExistsError | ConcurrencyError>>;
  /** Removes the connection and its shop domain index; false when there was none. */
  delete(connection: StoredWebhookConnection): Promise<boolean>;
}
