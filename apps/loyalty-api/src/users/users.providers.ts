import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AwardSignupBonus,
  DynamoDbEventOutbox,
  DynamoDbUserRepository,
  EraseUser,
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
    // The welcome points announced are what the signup bonus campaign will credit.
    inject: [DynamoDbUserRepository, AwardSignupBonus, EventDelivery],
    useFactory: (users: DynamoDbUserRepository, signupBonus: AwardSignupBonus, delivery: EventDelivery) =>
      new RegisterUser(users, signupBonus, delivery),
  },
  { provide: EraseUser, inject: [DynamoDbUserRepository], useFactory: (users: DynamoDbUserRepository) => new EraseUser(users) },
];
