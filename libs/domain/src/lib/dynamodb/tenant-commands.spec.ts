import { DEFAULT_PROGRAM } from '../program/program-settings';
import { Tenant } from '../tenants/tenant';
import { tenantChange, tenantCreation, tenantFromItem } from './tenant-commands';

const tenant: Tenant = {
  tenantId: 'demo',
  name: 'Demo',
  program: { ...DEFAULT_PROGRAM, pendingDays: 14 },
  version: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};

describe('tenant commands', () => {
  it('creates the profile item only where none exists, with the settings in `program`', () => {
    // Act
    const put = tenantCreation('table', tenant);

    // Assess
    expect(put).toEqual({
      TableName: 'table',
      Item: { PK: 'TENANT#demo', SK: 'PROFILE', entityType: 'TENANT', ...tenant },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('sets only name, program, version and time, over the previous version', () => {
    // Act
    const update = tenantChange('table', tenant);

    // Assess
    expect(update).toMatchObject({
      TableName: 'table',
      Key: { PK: 'TENANT#demo', SK: 'PROFILE' },
      UpdateExpression: 'SET #name = :name, #program = :program, #version = :version, #updatedAt = :updatedAt',
      ConditionExpression: '#version = :expectedVersion',
      ExpressionAttributeValues: {
        ':name': 'Demo',
        ':program': tenant.program,
        ':version': 5,
        ':updatedAt': '2026-11-21T10:00:00.000Z',
        ':expectedVersion': 4,
      },
    });
  });

  it('reads settings a stored profile lacks as the defaults', () => {
    // Act
    const read = tenantFromItem({ ...tenantCreation('table', tenant).Item, program: { pendingDays: 2 } });

    // Assess
    expect(read).toEqual({ ...tenant, program: { ...DEFAULT_PROGRAM, pendingDays: 2 } });
  });
});
