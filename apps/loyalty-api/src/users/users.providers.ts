import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DefaultSignupBonus,
  DynamoDbEventOutbox,
  DynamoDbUserRepository,
  EventDelivery,
  RegisterUser,
  SqsEventPublisher,
} from '@loyalty/domain';
import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiConfig } from '../app/api-config';

type Config = ConfigService<ApiConfig, true>;

export const usersProviders: Provider[] = [
  {
    provide: DynamoDbUserRepository,
    inject: [DynamoDBDocumentClient, ConfigService],
    useFactory: (client: DynamoDBDocumentClient, config: Config) =>
      new DynamoDbUserRepository(client, config.get('TABLE_NAME', { infer: true })),
  },
  {
    provide: EventDelivery,
    inject: [DynamoDBDocumentClient, SQSClient, ConfigService],
    useFactory: (client: DynamoDBDocumentClient, sqs: SQSClient, config: Config) =>
      new EventDelivery(
        new SqsEventPublisher(sqs, config.get('EVENTS_QUEUE_URL', { infer: true })),
        new DynamoDbEventOutbox(client, config.get('TABLE_NAME', { infer: true })),
      ),
  },
  {
    provide: RegisterUser,
    inject: [DynamoDbUserRepository, EventDelivery],
    // The signup bonus's points: the SPEC default until signup bonus campaigns provide them.
    useFactory: (users: DynamoDbUserRepository, delivery: EventDelivery) =>
      new RegisterUser(users, new DefaultSignupBonus(), delivery),
  },
];
