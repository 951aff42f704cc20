import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { err, ok, Result } from '../shared/result';
import type { Tenant } from '../tenants/tenant';
import type { TenantRepository } from '../tenants/tenant-repository';
import { keys } from './keys';
import { tenantChange, tenantCreation, tenantFromItem } from './tenant-commands';

/** Tenant profiles in the `TENANT#<id>` / `PROFILE` item, settings in its `program` attribute. */
export class DynamoDbTenantRepository implements TenantRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string): Promise<Tenant | undefined> {
    const { Item } = await this.client.send(
      // Consistent: an update is computed from this read and guarded by its version.
      new GetCommand({ TableName: this.tableName, Key: keys.tenant(tenantId), ConsistentRead: true }),
    );
    return Item ? tenantFromItem(Item) : undefined;
  }

  async create(tenant: Tenant): Promise<Result<Tenant, AlreadyExistsError>> {
    try {
      await this.client.send(new PutCommand(tenantCreation(this.tableName, tenant)));
      return ok(tenant);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return err(
        new AlreadyExistsError(`Tenant ${tenant.tenantId} exists already`, { tenantId: tenant.tenantId }),
      );
    }
  }

  async update(tenant: Tenant): Promise<Result<Tenant, ConcurrencyError>> {
    try {
      await this.client.send(new UpdateCommand(tenantChange(this.tableName, tenant)));
      return ok(tenant);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return err(
        new ConcurrencyError(`Tenant ${tenant.tenantId} was changed by someone else meanwhile`, {
          tenantId: tenant.tenantId,
        }),
      );
    }
  }
}
