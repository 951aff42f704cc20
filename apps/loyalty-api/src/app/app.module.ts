import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AdjustPoints,
  CachedProgramSettingsReader,
  ChangeOrder,
  CompleteOrder,
  CreateTenant,
  createDocumentClient,
  DynamoDbAuditLog,
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
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditController } from '../audit/audit.controller';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RolesGuard } from '../auth/roles.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { DynamoDbHealthIndicator } from '../health/dynamodb.health';
import { HealthController } from '../health/health.controller';
import { SqsHealthIndicator } from '../health/sqs.health';
import { PageTokenCodec } from '../http/page-token';
import { OrdersController } from '../orders/orders.controller';
import { PointsController } from '../points/points.controller';
import { TenantsController } from '../tenants/tenants.controller';
import { validateApiConfig } from './api-config';
import { tableAdapter } from './table-adapter.provider';

@Module({
  imports: [
    ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateApiConfig }),
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController, PointsController, OrdersController, TenantsController, AuditController],
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
    TokenVerifier,
    PageTokenCodec,
    // Guards run in this order: who is calling (and in which tenant), then whether their role may.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    DynamoDbHealthIndicator,
    SqsHealthIndicator,
  ],
})
export class AppModule {}
