import { AuditRecord } from '@loyalty/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One record of the audit trail, as GET /audit shows it. */
export class AuditRecordView implements AuditRecord {
  @ApiProperty()
  tenantId!: string;

  @ApiProperty({ example: 'audit_01JDQ7ZK3Y6G5N8RV4XWQ2T9AB', description: 'Sorts by time' })
  auditId!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    type: 'object',
    properties: { sub: { type: 'string' }, role: { type: 'string', enum: ['admin', 'owner', 'staff', 'system'] } },
  })
  actor!: AuditRecord['actor'];

  @ApiProperty({
    type: 'object',
    properties: {
      method: { type: 'string', example: 'PATCH' },
      route: { type: 'string', example: '/tenants/:tenantId' },
      resourceId: { type: 'string', example: 'cafe-lumiere' },
    },
  })
  action!: AuditRecord['action'];

  @ApiProperty({ description: 'The request that made the change' })
  requestId!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The record before the change' })
  before?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The record after the change' })
  after?: unknown;
}
