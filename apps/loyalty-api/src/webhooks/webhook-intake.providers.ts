import type { S3Client as S3ClientType } from '@aws-sdk/client-s3';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConfigureWebhookConnection,
  createS3Client,
  DEFAULT_STALE_CLAIM_AFTER_MS,
  DynamoDbWebhookConnections,
  DynamoDbTenantRepository,
  DynamoDbWebhookDeliveries,
  ReceiveWebhook,
  ReplayWebhookDelivery,
  S3RawDeliveryStore,
  SqsEventPublisher,
  type WebhookProviderRegistry,
} from '@loyalty/domain';
import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { WebhookIntakeConfig } from './webhook-intake-config';

type Config = ConfigService<WebhookIntakeConfig, true>;

/** Injection token of the providers' registry (verify + map, one adapter per provider). */
export const WEBHOOK_PROVIDERS = 'WEBHOOK_PROVIDERS';
/** Injection token of the publisher to the events queue that webhook events go to. */
export const WEBHOOK_EVENT_PUBLISHER = 'WEBHOOK_EVENT_PUBLISHER';

const table = <T>(adapter: new (client: DynamoDBDocumentClient, tableName: string) => T): Provider<T> => ({
  provide: adapter,
  inject: [DynamoDBDocumentClient, ConfigService],
  useFactory: (client: DynamoDBDocumentClient, config: Config) => new adapter(client, config.get('TABLE_NAME', { infer: true })),
});

/**
 * What the intake needs, over the clients the app provides (DynamoDB, SQS) and the registry under
 * WEBHOOK_PROVIDERS: shared by the API and the webhooks function.
 */
export const webhookIntakeProviders: Provider[] = [
  { provide: S3Client, useFactory: (): S3ClientType => createS3Client() },
  {
    provide: S3RawDeliveryStore,
    inject: [S3Client, ConfigService],
    useFactory: (s3: S3ClientType, config: Config) => new S3RawDeliveryStore(s3, config.get('WEBHOOK_BUCKET', { infer: true })),
  },
  table(DynamoDbWebhookConnections),
  table(DynamoDbWebhookDeliveries),
  {
    provide: WEBHOOK_EVENT_PUBLISHER,
    inject: [SQSClient, ConfigService],
    useFactory: (sqs: SQSClient, config: Config) => new SqsEventPublisher(sqs, config.get('EVENTS_QUEUE_URL', { infer: true })),
  },
  {
    provide: ReceiveWebhook,
    inject: [WEBHOOK_PROVIDERS, DynamoDbWebhookConnections, DynamoDbWebhookDeliveries, S3RawDeliveryStore, WEBHOOK_EVENT_PUBLISHER, ConfigService],
    useFactory: (
      providers: WebhookProviderRegistry,
      connections: DynamoDbWebhookConnections,
      deliveries: DynamoDbWebhookDeliveries,
      bodies: S3RawDeliveryStore,
      publisher: SqsEventPublisher,
      config: Config,
    ) =>
      new ReceiveWebhook(
        { providers, connections, claims: deliveries, log: deliveries, bodies, publisher },
        { retentionDays: config.get('WEBHOOK_RETENTION_DAYS', { infer: true }), staleClaimAfterMs: DEFAULT_STALE_CLAIM_AFTER_MS },
      ),
  },
];

/** Connections and replays, in the API only (over the intake's providers and the tenants). */
export const webhookManagementProviders: Provider[] = [
  {
    provide: ConfigureWebhookConnection,
    inject: [DynamoDbTenantRepository, DynamoDbWebhookConnections],
    useFactory: (tenants: DynamoDbTenantRepository, connections: DynamoDbWebhookConnections) =>
      new ConfigureWebhookConnection(tenants, connections),
  },
  {
    provide: ReplayWebhookDelivery,
    inject: [WEBHOOK_PROVIDERS, DynamoDbWebhookDeliveries, S3RawDeliveryStore, WEBHOOK_EVENT_PUBLISHER],
    useFactory: (providers: WebhookProviderRegistry, log: DynamoDbWebhookDeliveries, bodies: S3RawDeliveryStore, publisher: SqsEventPublisher) =>
      new ReplayWebhookDelivery({ providers, log, bodies, publisher }),
  },
];
