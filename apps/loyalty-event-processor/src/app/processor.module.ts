import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  CachedProgramSettingsReader,
  ChangeOrder,
  CompleteOrder,
  createDocumentClient,
  DynamoDbDueAccountsReader,
  DynamoDbOrderReader,
  DynamoDbPointsAccountReader,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
  RunLedgerJobs,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { SqsRecordHandler } from '../events/sqs-record-handler';
import { ExpiryNoticeSender } from '../jobs/expiry-notice-sender';
import { ProcessorConfig, readProcessorConfig } from './processor-config';

const CONFIG = 'PROCESSOR_CONFIG';

@Module({
  providers: [
    { provide: CONFIG, useFactory: () => readProcessorConfig(process.env) },
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-event-processor' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    {
      provide: DynamoDbPointsLedger,
      inject: [DynamoDBDocumentClient, CONFIG],
      useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) => new DynamoDbPointsLedger(client, config.tableName),
    },
    {
      // Every event needs its tenant's program: read once per tenant and container, briefly cached.
      provide: CachedProgramSettingsReader,
      inject: [DynamoDBDocumentClient, CONFIG],
      useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) =>
        new CachedProgramSettingsReader(new DynamoDbProgramSettingsReader(client, config.tableName)),
    },
    {
      provide: DynamoDbOrderReader,
      inject: [DynamoDBDocumentClient, CONFIG],
      useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) => new DynamoDbOrderReader(client, config.tableName),
    },
    {
      provide: CompleteOrder,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, programs: CachedProgramSettingsReader) => new CompleteOrder(ledger, programs),
    },
    {
      provide: ChangeOrder,
      inject: [DynamoDbPointsLedger, DynamoDbOrderReader, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, orders: DynamoDbOrderReader, programs: CachedProgramSettingsReader) =>
        new ChangeOrder(ledger, orders, programs),
    },
    {
      provide: RunLedgerJobs,
      inject: [DynamoDBDocumentClient, CONFIG, DynamoDbPointsLedger, CachedProgramSettingsReader, Logger],
      useFactory: (
        client: DynamoDBDocumentClient,
        config: ProcessorConfig,
        ledger: DynamoDbPointsLedger,
        programs: CachedProgramSettingsReader,
        logger: Logger,
      ) =>
        new RunLedgerJobs(
          new DynamoDbDueAccountsReader(client, config.tableName),
          new DynamoDbPointsAccountReader(client, config.tableName),
          programs,
          ledger,
          new ExpiryNoticeSender(
            logger,
            config.notificationsQueueUrl ? { client: new SQSClient({}), queueUrl: config.notificationsQueueUrl } : undefined,
          ),
          ledger,
        ),
    },
    SqsRecordHandler,
  ],
})
export class ProcessorModule {}
