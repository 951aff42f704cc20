import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../audit/audit-record';
import type { PageRequest } from '../shared/page';
import { auditPartition, keys } from './keys';

/** Appends a record; audit ids are unique, and an existing record is never overwritten. */
export function auditAppend(tableName: string, record: AuditRecord): PutCommandInput {
  return {
    TableName: tableName,
    Item: { ...keys.audit(record.tenantId, record.auditId), entityType: 'AUDIT', ...record },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/** One page of a tenant's trail, newest first (audit ids sort by time). */
export function auditPageQuery(tableName: string, tenantId: string, page: PageRequest): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'PK = :partition',
    ExpressionAttributeValues: { ':partition': auditPartition(tenantId) },
    ScanIndexForward: false,
    Limit: page.limit,
    ExclusiveStartKey: page.after,
  };
}

export function auditRecordFromItem(item: Record<string, unknown>): AuditRecord {
  return {
    tenantId: item['tenantId'] as string,
    auditId: item['auditId'] as string,
    at: item['at'] as string,
    actor: item['actor'] as AuditRecord['actor'],
    action: item['action'] as AuditRecord['action'],
    requestId: item['requestId'] as string,
    ...('before' in item && { before: item['before'] }),
    ...('after' in item && { after: item['after'] }),
  };
}
