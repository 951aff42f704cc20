import { Logger } from '@aws-lambda-powertools/logger';
import {
  createDocumentClient,
  CreditOrderPoints,
  DynamoDbPointsLedger,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { SqsRecordHandler } from '../events/sqs-record-handler';
import { readProcessorConfig } from './processor-config';

@Module({
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-event-processor' }) },
    {
      provide: CreditOrderPoints,
      useFactory: () => {
        const { tableName } = readProcessorConfig(process.env);
        return new CreditOrderPoints(new DynamoDbPointsLedger(createDocumentClient(), tableName));
      },
    },
    SqsRecordHandler,
  ],
})
export class ProcessorModule {}
