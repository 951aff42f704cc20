import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  createDocumentClient,
  DynamoDbEventOutbox,
  EventDelivery,
  RelayPendingEvents,
  SqsEventPublisher,
} from '@loyalty/domain';
import { Module } from '@nestjs/common';
import { readRelayConfig } from './relay-config';

/** What the outbox relay needs, and nothing of the event processor's. */
@Module({
  providers: [
    { provide: Logger, useFactory: () => new Logger({ serviceName: 'loyalty-event-relay' }) },
    {
      provide: RelayPendingEvents,
      useFactory: () => {
        const { tableName, eventsQueueUrl } = readRelayConfig(process.env);
        const outbox = new DynamoDbEventOutbox(createDocumentClient(), tableName);
        const publisher = new SqsEventPublisher(new SQSClient({}), eventsQueueUrl);
        return new RelayPendingEvents(outbox, new EventDelivery(publisher, outbox));
      },
    },
  ],
})
export class RelayModule {}
