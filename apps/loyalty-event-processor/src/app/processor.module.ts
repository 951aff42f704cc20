import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AwardBirthdayTreats,
  AwardSignupBonus,
  CachedCampaignReader,
  CachedProgramSettingsReader,
  ChangeOrder,
  CompleteOrder,
  createDocumentClient,
  CustomerProfiles,
  DynamoDbBirthdayDirectory,
  DynamoDbCampaignRepository,
  DynamoDbDueAccountsReader,
  DynamoDbOrderReader,
  DynamoDbPointsAccountReader,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
  DynamoDbUserRepository,
  EventLedgerNotificationPublisher,
  RunLedgerJobs,
  SqsEventPublisher,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { SqsRecordHandler } from '../events/sqs-record-handler';
import { ProcessorConfig, readProcessorConfig } from './processor-config';

const CONFIG = 'PROCESSOR_CONFIG';

/** An adapter of the table, built from the shared client and the configured table name. */
const tableAdapter = <T>(Adapter: new (client: DynamoDBDocumentClient, tableName: string) => T) => ({
  provide: Adapter,
  inject: [DynamoDBDocumentClient, CONFIG],
  useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) => new Adapter(client, config.tableName),
});

@Module({
  providers: [
    { provide: CONFIG, useFactory: () => readProcessorConfig(process.env) },
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-event-processor' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    tableAdapter(DynamoDbPointsLedger),
    tableAdapter(DynamoDbOrderReader),
    tableAdapter(DynamoDbPointsAccountReader),
    tableAdapter(DynamoDbDueAccountsReader),
    tableAdapter(DynamoDbUserRepository),
    tableAdapter(DynamoDbBirthdayDirectory),
    {
      // Every event needs its tenant's program and campaigns: read once per tenant and container, briefly cached.
      provide: CachedProgramSettingsReader,
      inject: [DynamoDBDocumentClient, CONFIG],
      useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) =>
        new CachedProgramSettingsReader(new DynamoDbProgramSettingsReader(client, config.tableName)),
    },
    {
      provide: CachedCampaignReader,
      inject: [DynamoDBDocumentClient, CONFIG],
      useFactory: (client: DynamoDBDocumentClient, config: ProcessorConfig) =>
        new CachedCampaignReader(new DynamoDbCampaignRepository(client, config.tableName)),
    },
    {
      provide: CompleteOrder,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader, CachedCampaignReader, DynamoDbUserRepository],
      useFactory: (
        ledger: DynamoDbPointsLedger,
        programs: CachedProgramSettingsReader,
        campaigns: CachedCampaignReader,
        users: DynamoDbUserRepository,
      ) => new CompleteOrder(ledger, { programs, campaigns, customers: new CustomerProfiles(users) }),
    },
    {
      provide: ChangeOrder,
      inject: [DynamoDbPointsLedger, DynamoDbOrderReader, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, orders: DynamoDbOrderReader, programs: CachedProgramSettingsReader) =>
        new ChangeOrder(ledger, orders, programs),
    },
    {
      provide: AwardSignupBonus,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader, CachedCampaignReader],
      useFactory: (ledger: DynamoDbPointsLedger, programs: CachedProgramSettingsReader, campaigns: CachedCampaignReader) =>
        new AwardSignupBonus(ledger, programs, campaigns),
    },
    {
      provide: EventLedgerNotificationPublisher,
      inject: [CONFIG],
      useFactory: (config: ProcessorConfig) =>
        new EventLedgerNotificationPublisher(new SqsEventPublisher(new SQSClient({}), config.notificationsQueueUrl)),
    },
    {
      provide: RunLedgerJobs,
      inject: [DynamoDbDueAccountsReader, DynamoDbPointsAccountReader, CachedProgramSettingsReader, DynamoDbPointsLedger, EventLedgerNotificationPublisher],
      useFactory: (
        due: DynamoDbDueAccountsReader,
        accounts: DynamoDbPointsAccountReader,
        programs: CachedProgramSettingsReader,
        ledger: DynamoDbPointsLedger,
        notifications: EventLedgerNotificationPublisher,
      ) => new RunLedgerJobs(due, accounts, programs, ledger, notifications, ledger),
    },
    {
      provide: AwardBirthdayTreats,
      inject: [DynamoDbBirthdayDirectory, DynamoDbPointsLedger, CachedProgramSettingsReader, CachedCampaignReader],
      useFactory: (
        birthdays: DynamoDbBirthdayDirectory,
        ledger: DynamoDbPointsLedger,
        programs: CachedProgramSettingsReader,
        campaigns: CachedCampaignReader,
      ) => new AwardBirthdayTreats(birthdays, ledger, programs, campaigns),
    },
    SqsRecordHandler,
  ],
})
export class ProcessorModule {}
