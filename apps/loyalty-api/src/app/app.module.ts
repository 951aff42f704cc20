import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, DynamoDbPointsAccountReader } from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { DynamoDbHealthIndicator } from '../health/dynamodb.health';
import { HealthController } from '../health/health.controller';
import { SqsHealthIndicator } from '../health/sqs.health';
import { PointsController } from '../points/points.controller';
import { UsersController } from '../users/users.controller';
import { usersProviders } from '../users/users.providers';
import { ApiConfig, validateApiConfig } from './api-config';

@Module({
  imports: [
    ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateApiConfig }),
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController, PointsController, UsersController],
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-api' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    { provide: SQSClient, useFactory: () => new SQSClient({}) },
    {
      provide: DynamoDbPointsAccountReader,
      inject: [DynamoDBDocumentClient, ConfigService],
      useFactory: (client: DynamoDBDocumentClient, config: ConfigService<ApiConfig, true>) =>
        new DynamoDbPointsAccountReader(client, config.get('TABLE_NAME', { infer: true })),
    },
    TokenVerifier,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    DynamoDbHealthIndicator,
    SqsHealthIndicator,
    ...usersProviders,
  ],
})
export class AppModule {}
