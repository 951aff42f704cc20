import type { PutCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PROGRAM, ProgramSettings } from '../program/program-settings';
import type { Tenant } from '../tenants/tenant';
import { keys } from './keys';

/** A new tenant's profile item; an existing profile with the same id is never overwritten. */
export function tenantCreation(tableName: string, tenant: Tenant): PutCommandInput {
  return {
    TableName: tableName,
    Item: { ...keys.tenant(tenant.tenantId), entityType: 'TENANT', ...tenant },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/**
 * The next version of a tenant's profile, over the version it was computed from. Only the fields a
 * change can touch are set: the profile item may carry attributes other features own.
 */
export function tenantChange(tableName: string, tenant: Tenant): UpdateCommandInput {
  return {
    TableName: tableName,
    Key: keys.tenant(tenant.tenantId),
    UpdateExpression:
      'SET #name = :name, #program = :program, #version = :version, #updatedAt = :updatedAt',
    ConditionExpression: '#version = :expectedVersion',
    ExpressionAttributeNames: {
      '#name': 'name',
      '#program': 'program',
      '#version': 'version',
      '#updatedAt': 'updatedAt',
    },
    ExpressionAttributeValues: {
      ':name': tenant.name,
      ':program': tenant.program,
      ':version': tenant.version,
      ':updatedAt': tenant.updatedAt,
      ':expectedVersion': tenant.version - 1,
    },
  };
}

/** A stored profile as a Tenant; program settings it never stored are the defaults. */
export function tenantFromItem(item: Record<string, unknown>): Tenant {
  return {
    tenantId: item['tenantId'] as string,
    name: item['name'] as string,
    program: { ...DEFAULT_PROGRAM, ...(item['program'] as Partial<ProgramSettings> | undefined) },
    version: item['version'] as number,
    createdAt: item['createdAt'] as string,
    updatedAt: item['updatedAt'] as string,
  };
}
