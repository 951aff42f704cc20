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
  DynamoDbEventOutbox,
  DynamoDbOrderReader,
  DynamoDbPointsAccountReader,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
  DynamoDbUserRepository,
  EraseUser,
  EventDelivery,
  EventLedgerNotificationPublisher,
  ExportCustomerData,
  ProviderErasure,
  RegisterUser,
  ResolveCustomer,
  RunLedgerJobs,
  SqsEventPublisher,
  SyncCustomerProfile,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { CustomerEventsHandler } from '../events/customer-events.handler';
import { OrderEventsHandler } from '../events/order-events.handler';
import { PrivacyEventsHandler } from '../events/privacy-events.handler';
import { SignupEventsHandler } from '../events/signup-events.handler';
import { EVENTS_MAX_RECEIVE_COUNT, SqsRecordHandler } from '../events/sqs-record-handler';
import { TierAnnouncer } from '../events/tier-announcer';
import { ProcessorConfig, readProcessorConfig } from './processor-config';

const CONFIG = 'PROCESSOR_CONFIG';
/** The events queue, as a publisher: signups' `user.created`, and work handed to a later run. */
const EVENTS_QUEUE = 'EVENTS_QUEUE';

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
    { provide: SQSClient, useFactory: () => new SQSClient({}) },
    {
      provide: EventLedgerNotificationPublisher,
      inject: [SQSClient, CONFIG],
      useFactory: (sqs: SQSClient, config: ProcessorConfig) =>
        new EventLedgerNotificationPublisher(new SqsEventPublisher(sqs, config.notificationsQueueUrl)),
    },
    {
      provide: EVENTS_QUEUE,
      inject: [SQSClient, CONFIG],
      useFactory: (sqs: SQSClient, config: ProcessorConfig) => new SqsEventPublisher(sqs, config.eventsQueueUrl),
    },
    {
      // Customers signed up from provider events go through the API's signup path: the outbox, user.created, the bonus.
      provide: RegisterUser,
      inject: [DynamoDbUserRepository, AwardSignupBonus, EVENTS_QUEUE, DynamoDBDocumentClient, CONFIG],
      useFactory: (
        users: DynamoDbUserRepository,
        signupBonus: AwardSignupBonus,
        events: SqsEventPublisher,
        client: DynamoDBDocumentClient,
        config: ProcessorConfig,
      ) => new RegisterUser(users, signupBonus, new EventDelivery(events, new DynamoDbEventOutbox(client, config.tableName))),
    },
    {
      provide: ResolveCustomer,
      inject: [DynamoDbUserRepository, RegisterUser, CachedProgramSettingsReader],
      useFactory: (users: DynamoDbUserRepository, registration: RegisterUser, programs: CachedProgramSettingsReader) =>
        new ResolveCustomer(users, registration, programs),
    },
    {
      provide: SyncCustomerProfile,
      inject: [ResolveCustomer, DynamoDbUserRepository],
      useFactory: (resolve: ResolveCustomer, users: DynamoDbUserRepository) => new SyncCustomerProfile(resolve, users),
    },
    {
      provide: ExportCustomerData,
      inject: [ResolveCustomer, DynamoDbUserRepository, EventLedgerNotificationPublisher],
      useFactory: (resolve: ResolveCustomer, users: DynamoDbUserRepository, notifications: EventLedgerNotificationPublisher) =>
        new ExportCustomerData(resolve, users, notifications),
    },
    {
      provide: ProviderErasure,
      inject: [ResolveCustomer, DynamoDbUserRepository, EVENTS_QUEUE],
      useFactory: (resolve: ResolveCustomer, users: DynamoDbUserRepository, events: SqsEventPublisher) =>
        new ProviderErasure(resolve, users, new EraseUser(users), events),
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
    TierAnnouncer,
    OrderEventsHandler,
    CustomerEventsHandler,
    PrivacyEventsHandler,
    SignupEventsHandler,
    { provide: EVENTS_MAX_RECEIVE_COUNT, inject: [CONFIG], useFactory: (config: ProcessorConfig) => config.eventsMaxReceiveCount ?? null },
    SqsRecordHandler,
  ],
})
export class ProcessorModule {}
