import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AdjustPoints,
  AwardSignupBonus,
  CustomerProfiles,
  DynamoDbUserRepository,
  EarningSources,
  EstimateOrderPoints,
  EventLedgerNotificationPublisher,
  SqsEventPublisher,
  CachedCampaignReader,
  CachedProgramSettingsReader,
  ChangeCampaign,
  ChangeOrder,
  CompleteOrder,
  CreateTenant,
  createDocumentClient,
  DynamoDbAuditLog,
  DynamoDbCampaignRepository,
  DynamoDbLedgerHistoryReader,
  DynamoDbOrderReader,
  DynamoDbPointsAccountReader,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
  DynamoDbTenantRepository,
  RedeemPoints,
  UpdateTenant,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditController } from '../audit/audit.controller';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RolesGuard } from '../auth/roles.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { CampaignsController } from '../campaigns/campaigns.controller';
import { DynamoDbHealthIndicator } from '../health/dynamodb.health';
import { HealthController } from '../health/health.controller';
import { SqsHealthIndicator } from '../health/sqs.health';
import { PageTokenCodec } from '../http/page-token';
import { OrdersController } from '../orders/orders.controller';
import { PointsController } from '../points/points.controller';
import { TenantsController } from '../tenants/tenants.controller';
import { ApiConfig, validateApiConfig } from './api-config';
import { tableAdapter } from './table-adapter.provider';
import { UsersController } from '../users/users.controller';
import { usersProviders } from '../users/users.providers';
import { WebhookConnectionsController } from '../webhooks/webhook-connections.controller';
import { WebhookDeliveriesController } from '../webhooks/webhook-deliveries.controller';
import { WebhookIntakeController } from '../webhooks/webhook-intake.controller';
import { webhookIntakeProviders, webhookManagementProviders } from '../webhooks/webhook-intake.providers';
import { webhookProvidersProvider } from '../webhooks/webhook-providers.provider';

/** Injection token of where order earnings come from. */
const EARNING_SOURCES = 'EARNING_SOURCES';

@Module({
  imports: [
    ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateApiConfig }),
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [
    HealthController,
    PointsController,
    OrdersController,
    CampaignsController,
    TenantsController,
    AuditController,
    UsersController,
    WebhookConnectionsController,
    WebhookDeliveriesController,
    // Deployed, the webhooks function serves these routes; the API has them for local runs alone.
    WebhookIntakeController,
  ],
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-api' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    { provide: SQSClient, useFactory: () => new SQSClient({}) },
    tableAdapter(DynamoDbPointsAccountReader),
    tableAdapter(DynamoDbLedgerHistoryReader),
    tableAdapter(DynamoDbOrderReader),
    tableAdapter(DynamoDbPointsLedger),
    tableAdapter(DynamoDbProgramSettingsReader),
    tableAdapter(DynamoDbTenantRepository),
    tableAdapter(DynamoDbAuditLog),
    tableAdapter(DynamoDbCampaignRepository),
    {
      provide: CreateTenant,
      inject: [DynamoDbTenantRepository],
      useFactory: (tenants: DynamoDbTenantRepository) => new CreateTenant(tenants),
    },
    {
      provide: UpdateTenant,
      inject: [DynamoDbTenantRepository],
      useFactory: (tenants: DynamoDbTenantRepository) => new UpdateTenant(tenants),
    },
    {
      provide: CachedProgramSettingsReader,
      inject: [DynamoDbProgramSettingsReader],
      useFactory: (programs: DynamoDbProgramSettingsReader) => new CachedProgramSettingsReader(programs),
    },
    {
      provide: CachedCampaignReader,
      inject: [DynamoDbCampaignRepository],
      useFactory: (campaigns: DynamoDbCampaignRepository) => new CachedCampaignReader(campaigns),
    },
    {
      provide: ChangeCampaign,
      inject: [DynamoDbCampaignRepository],
      useFactory: (campaigns: DynamoDbCampaignRepository) => new ChangeCampaign(campaigns),
    },
    ...[RedeemPoints, AdjustPoints].map((UseCase) => ({
      provide: UseCase,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, programs: CachedProgramSettingsReader) => new UseCase(ledger, programs),
    })),
    {
      // What an order earns depends on the program, the campaigns (both briefly cached) and the customer.
      provide: EARNING_SOURCES,
      inject: [CachedProgramSettingsReader, CachedCampaignReader, DynamoDbUserRepository],
      useFactory: (programs: CachedProgramSettingsReader, campaigns: CachedCampaignReader, users: DynamoDbUserRepository): EarningSources => ({
        programs,
        campaigns,
        customers: new CustomerProfiles(users),
      }),
    },
    {
      provide: CompleteOrder,
      inject: [DynamoDbPointsLedger, EARNING_SOURCES],
      useFactory: (ledger: DynamoDbPointsLedger, sources: EarningSources) => new CompleteOrder(ledger, sources),
    },
    {
      provide: EstimateOrderPoints,
      inject: [DynamoDbPointsAccountReader, DynamoDbPointsLedger, EARNING_SOURCES],
      useFactory: (accounts: DynamoDbPointsAccountReader, ledger: DynamoDbPointsLedger, sources: EarningSources) =>
        new EstimateOrderPoints(accounts, ledger, sources),
    },
    {
      provide: AwardSignupBonus,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader, CachedCampaignReader],
      useFactory: (ledger: DynamoDbPointsLedger, programs: CachedProgramSettingsReader, campaigns: CachedCampaignReader) =>
        new AwardSignupBonus(ledger, programs, campaigns),
    },
    {
      provide: ChangeOrder,
      inject: [DynamoDbPointsLedger, DynamoDbOrderReader, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, orders: DynamoDbOrderReader, programs: CachedProgramSettingsReader) =>
        new ChangeOrder(ledger, orders, programs),
    },
    {
      provide: EventLedgerNotificationPublisher,
      inject: [SQSClient, ConfigService],
      useFactory: (sqs: SQSClient, config: ConfigService<ApiConfig, true>) =>
        new EventLedgerNotificationPublisher(new SqsEventPublisher(sqs, config.get('NOTIFICATIONS_QUEUE_URL', { infer: true }))),
    },
    TokenVerifier,
    PageTokenCodec,
    // Guards run in this order: who is calling (and in which tenant), then whether their role may.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    DynamoDbHealthIndicator,
    SqsHealthIndicator,
    ...usersProviders,
    webhookProvidersProvider,
    ...webhookIntakeProviders,
    ...webhookManagementProviders,
  ],
})
export class AppModule {}
