import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAM } from '../program/program-settings';
import { CreateTenant } from '../tenants/create-tenant';
import { UpdateTenant } from '../tenants/update-tenant';
import { createDocumentClient } from './document-client';
import { DynamoDbProgramSettingsReader } from './dynamodb-program-settings-reader';
import { DynamoDbTenantRepository } from './dynamodb-tenant-repository';
import { keys } from './keys';

// Runs against the DynamoDB Local that the integration test set-up starts (TABLE_NAME, endpoint).
const tableName = process.env['TABLE_NAME'] ?? '';
const client = createDocumentClient();
const tenants = new DynamoDbTenantRepository(client, tableName);
const createTenant = new CreateTenant(tenants);
const updateTenant = new UpdateTenant(tenants);

const newTenantId = () => `t-${randomUUID()}`;

describe('DynamoDbTenantRepository against DynamoDB Local', () => {
  it('creates a tenant whose program the ledger reads from the same item', async () => {
    // Prepare
    const tenantId = newTenantId();

    // Act
    const created = await createTenant.execute({ tenantId, name: 'Café', program: { pendingDays: 14, reversalPolicy: 'clamp' } });

    // Assess
    expect(created.ok).toBe(true);
    expect(await tenants.get(tenantId)).toEqual(created.ok && created.value);
    expect(await new DynamoDbProgramSettingsReader(client, tableName).getProgram(tenantId)).toEqual({
      ...DEFAULT_PROGRAM,
      pendingDays: 14,
      reversalPolicy: 'clamp',
    });
  });

  it('refuses a second tenant with the same id and keeps the first', async () => {
    // Prepare
    const tenantId = newTenantId();
    await createTenant.execute({ tenantId, name: 'First' });

    // Act
    const second = await createTenant.execute({ tenantId, name: 'Second' });

    // Assess
    expect(!second.ok && second.error.code).toBe('CONFLICT');
    expect((await tenants.get(tenantId))?.name).toBe('First');
  });

  it('stores a change as the next version and leaves attributes it does not own alone', async () => {
    // Prepare
    const tenantId = newTenantId();
    await createTenant.execute({ tenantId, name: 'Before' });
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.tenant(tenantId),
        UpdateExpression: 'SET campaignCount = :count',
        ExpressionAttributeValues: { ':count': 3 },
      }),
    );

    // Act
    const updated = await updateTenant.execute(tenantId, { name: 'After', program: { expiringSoonDays: 30 } });

    // Assess
    expect(updated.ok && updated.value.after).toMatchObject({ name: 'After', version: 2 });
    expect(await tenants.get(tenantId)).toMatchObject({
      name: 'After',
      version: 2,
      program: { ...DEFAULT_PROGRAM, expiringSoonDays: 30 },
    });
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.tenant(tenantId) }));
    expect(Item?.['campaignCount']).toBe(3);
  });

  it('refuses a change computed from a version that is no longer the stored one', async () => {
    // Prepare
    const tenantId = newTenantId();
    const created = await createTenant.execute({ tenantId, name: 'Original' });
    if (!created.ok) throw created.error;
    await updateTenant.execute(tenantId, { name: 'Changed first' });

    // Act
    const stale = await tenants.update({ ...created.value, name: 'Stale', version: 2 });

    // Assess
    expect(!stale.ok && stale.error.code).toBe('CONCURRENCY_CONFLICT');
    expect((await tenants.get(tenantId))?.name).toBe('Changed first');
  });

  it('lets exactly one of two concurrent changes of the same version win', async () => {
    // Prepare
    const tenantId = newTenantId();
    const created = await createTenant.execute({ tenantId, name: 'Original' });
    if (!created.ok) throw created.error;
    const next = { ...created.value, version: 2 };

    // Act
    const results = await Promise.all([
      tenants.update({ ...next, name: 'A' }),
      tenants.update({ ...next, name: 'B' }),
    ]);

    // Assess
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(['A', 'B']).toContain((await tenants.get(tenantId))?.name);
  });
});
