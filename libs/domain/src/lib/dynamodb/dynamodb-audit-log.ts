import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLog } from '../audit/audit-log';
import type { AuditRecord } from '../audit/audit-record';
import type { Page, PageRequest } from '../shared/page';
import { auditAppend, auditPageQuery, auditRecordFromItem } from './audit-commands';

/** The audit trail in one partition per tenant (`TENANT#<id>#AUDIT`), read newest first. */
export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(record: AuditRecord): Promise<void> {
    await this.client.send(new PutCommand(auditAppend(this.tableName, record)));
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<AuditRecord>> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand(auditPageQuery(this.tableName, tenantId, page)),
    );
    return { items: Items.map(auditRecordFromItem), ...(LastEvaluatedKey && { next: LastEvaluatedKey }) };
  }
}
