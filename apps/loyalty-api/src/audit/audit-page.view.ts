import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditRecordView } from './audit-record.view';

export class AuditPageView {
  @ApiProperty({ type: [AuditRecordView], description: 'Newest first' })
  records!: readonly AuditRecordView[];

  @ApiPropertyOptional({ description: 'Absent on the last page' })
  nextToken?: string;
}
