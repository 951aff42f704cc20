import { AuditRecord } from '../audit/audit-record';
import { auditAppend, auditPageQuery, auditRecordFromItem } from './audit-commands';

const withoutImages: AuditRecord = {
  tenantId: 'demo',
  auditId: 'audit_01JDQ7ZK3Y6G5N0000000000AA',
  at: '2026-11-21T10:00:00.000Z',
  actor: { sub: 'owner_1', role: 'owner' },
  action: { method: 'PATCH', route: '/tenants/:tenantId', resourceId: 'demo' },
  requestId: 'req-1',
};
const record: AuditRecord = { ...withoutImages, before: { name: 'Demo' }, after: { name: 'Demo Store' } };

describe('audit commands', () => {
  it("appends a record to its tenant's trail without overwriting any", () => {
    // Act
    const put = auditAppend('table', record);

    // Assess
    expect(put).toEqual({
      TableName: 'table',
      Item: { PK: 'TENANT#demo#AUDIT', SK: 'AUDIT#audit_01JDQ7ZK3Y6G5N0000000000AA', entityType: 'AUDIT', ...record },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it("reads one tenant's trail newest first, from where the last page stopped", () => {
    // Prepare
    const after = { PK: 'TENANT#demo#AUDIT', SK: 'AUDIT#audit_1' };

    // Act
    const query = auditPageQuery('table', 'demo', { limit: 20, after });

    // Assess
    expect(query).toEqual({
      TableName: 'table',
      KeyConditionExpression: 'PK = :partition',
      ExpressionAttributeValues: { ':partition': 'TENANT#demo#AUDIT' },
      ScanIndexForward: false,
      Limit: 20,
      ExclusiveStartKey: after,
    });
  });

  it('gives back the record without its keys, and without before/after it never had', () => {
    // Act
    const full = auditRecordFromItem(auditAppend('table', record).Item ?? {});
    const bare = auditRecordFromItem(auditAppend('table', withoutImages).Item ?? {});

    // Assess
    expect(full).toStrictEqual(record);
    expect(bare).toStrictEqual(withoutImages);
  });
});
