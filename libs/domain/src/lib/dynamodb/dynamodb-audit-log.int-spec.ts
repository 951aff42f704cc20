import { randomUUID } from 'node:crypto';
import { AuditRecord } from '../audit/audit-record';
import { newId } from '../shared/ids';
import { createDocumentClient } from './document-client';
import { DynamoDbAuditLog } from './dynamodb-audit-log';

// Runs against the DynamoDB Local that the integration test set-up starts (TABLE_NAME, endpoint).
const auditLog = new DynamoDbAuditLog(createDocumentClient(), process.env['TABLE_NAME'] ?? '');

function recordOf(tenantId: string, resourceId: string): AuditRecord {
  return {
    tenantId,
    auditId: newId('audit'),
    at: new Date().toISOString(),
    actor: { sub: 'staff_1', role: 'staff' },
    action: { method: 'POST', route: '/points/:userId/adjust', resourceId },
    requestId: randomUUID(),
    after: { points: 5 },
  };
}

describe('DynamoDbAuditLog against DynamoDB Local', () => {
  it("lists a tenant's records newest first, page by page, and nothing of other tenants", async () => {
    // Prepare
    const [tenantId, otherTenantId] = [`t-${randomUUID()}`, `t-${randomUUID()}`];
    const records = ['user_1', 'user_2', 'user_3', 'user_4', 'user_5'].map((user) => recordOf(tenantId, user));
    for (const record of records) await auditLog.append(record);
    await auditLog.append(recordOf(otherTenantId, 'user_9'));

    // Act
    const first = await auditLog.list(tenantId, { limit: 2 });
    const second = await auditLog.list(tenantId, { limit: 2, after: first.next });
    const third = await auditLog.list(tenantId, { limit: 2, after: second.next });

    // Assess
    const newestFirst = [...records].reverse();
    expect(first.items).toEqual(newestFirst.slice(0, 2));
    expect(second.items).toEqual(newestFirst.slice(2, 4));
    expect(third.items).toEqual(newestFirst.slice(4));
    expect(third.next).toBeUndefined();
  });
});
