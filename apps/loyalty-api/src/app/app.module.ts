import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AdjustPoints,
  CachedCampaignReader,
  CachedProgramSettingsReader,
  ChangeCampaign,
  ChangeOrder,
  CompleteOrder,
  createDocumentClient,
  DynamoDbCampaignRepository,
  DynamoDbLedgerHistoryReader,
  DynamoDbOrderReader,
  DynamoDbPointsAccountReader,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
  RedeemPoints,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { CampaignsController } from '../campaigns/campaigns.controller';
import { DynamoDbHealthIndicator } from '../health/dynamodb.health';
import { HealthController } from '../health/health.controller';
import { SqsHealthIndicator } from '../health/sqs.health';
import { PageTokenCodec } from '../http/page-token';
import { OrdersController } from '../orders/orders.controller';
import { PointsController } from '../points/points.controller';
import { ApiConfig, validateApiConfig } from './api-config';

@Module({
  imports: [
    ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateApiConfig }),
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController, PointsController, OrdersController, CampaignsController],
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-api' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    { provide: SQSClient, useFactory: () => new SQSClient({}) },
    ...[
      DynamoDbPointsAccountReader,
      DynamoDbLedgerHistoryReader,
      DynamoDbOrderReader,
      DynamoDbPointsLedger,
      DynamoDbProgramSettingsReader,
      DynamoDbCampaignRepository,
    ].map((Adapter) => ({
      provide: Adapter,
      inject: [DynamoDBDocumentClient, ConfigService],
      useFactory: (client: DynamoDBDocumentClient, config: ConfigService<ApiConfig, true>) =>
        new Adapter(client, config.get('TABLE_NAME', { infer: true })),
    })),
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
    ...[CompleteOrder, RedeemPoints, AdjustPoints].map((UseCase) => ({
      provide: UseCase,
      inject: [DynamoDbPointsLedger, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, programs: CachedProgramSettingsReader) => new UseCase(ledger, programs),
    })),
    {
      provide: ChangeOrder,
      inject: [DynamoDbPointsLedger, DynamoDbOrderReader, CachedProgramSettingsReader],
      useFactory: (ledger: DynamoDbPointsLedger, orders: DynamoDbOrderReader, programs: CachedProgramSettingsReader) =>
        new ChangeOrder(ledger, orders, programs),
    },
    PageTokenCodec,
    TokenVerifier,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    DynamoDbHealthIndicator,
    SqsHealthIndicator,
  ],
})
export class AppModule {}
