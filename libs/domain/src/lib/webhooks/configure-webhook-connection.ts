import type { AlreadyExistsError } from '../shared/already-exists-error';
import type { ConcurrencyError } from '../shared/concurrency-error';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { TenantRepository } from '../tenants/tenant-repository';
import type { StoredWebhookConnection } from './stored-webhook-connection';
import type { WebhookConnectionRepository } from './webhook-connection-repository';
import { webhookConnectionSettings, WebhookConnectionSettings } from './webhook-connection-settings';
import type { WebhookProviderName } from './webhook-provider';

export interface ConfiguredWebhookConnection {
  readonly before?: StoredWebhookConnection;
  readonly after: StoredWebhookConnection;
}

/** Creates or replaces a tenant's connection to a provider (its secrets and options). */
export class ConfigureWebhookConnection {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly connections: WebhookConnectionRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    tenantId: string,
    provider: WebhookProviderName,
    settings: WebhookConnectionSettings,
  ): Promise<Result<ConfiguredWebhookConnection, ValidationError | NotFoundError | AlreadyExistsError | ConcurrencyError>> {
    const valid = webhookConnectionSettings(provider, settings);
    if (!valid.ok) return valid;
    if (!(await this.tenants.get(tenantId))) return err(new NotFoundError(`No tenant ${tenantId}`, { tenantId }));
    const before = await this.connections.get(tenantId, provider);
    const at = this.now().toISOString();
    const after: StoredWebhookConnection = {
      tenantId,
      provider,
      ...valid.value,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    const saved = await this.connections.save(after, before);
    if (!saved.ok) return saved;
    return ok({ ...(before && { before }), after: saved.value });
  }
}
