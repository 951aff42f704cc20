import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateWebhookIntakeConfig } from './webhook-intake-config';
import { WebhookIntakeController } from './webhook-intake.controller';
import { webhookIntakeProviders } from './webhook-intake.providers';
import { webhookProvidersProvider } from './webhook-providers.provider';

/**
 * The webhooks function's app: the intake route alone, with what it needs (the table, the events
 * queue, the raw log bucket) and nothing else: no tokens, no other controllers, so it boots fast
 * within the providers' timeouts. The API serves the same route too, for local runs of it alone.
 */
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateWebhookIntakeConfig })],
  controllers: [WebhookIntakeController],
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-webhooks' }) },
    { provide: DynamoDBDocumentClient, useFactory: () => createDocumentClient() },
    { provide: SQSClient, useFactory: () => new SQSClient({}) },
    webhookProvidersProvider,
    ...webhookIntakeProviders,
  ],
})
export class WebhookIntakeAppModule {}
