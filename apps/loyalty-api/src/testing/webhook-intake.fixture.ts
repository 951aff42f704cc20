import { CreateQueueCommand, DeleteQueueCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { SqsEventPublisher } from '@loyalty/domain';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app/app.module';
import { WEBHOOK_EVENT_PUBLISHER } from '../webhooks/webhook-intake.providers';
import { startTestApp } from './start-test-app';

/** A queue of the test's own, so that what it counts is what its requests sent. */
export class TestEventsQueue {
  private constructor(
    private readonly sqs: SQSClient,
    readonly url: string,
  ) {}

  static async create(sqs: SQSClient): Promise<TestEventsQueue> {
    const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `webhooks-${randomUUID()}` }));
    return new TestEventsQueue(sqs, QueueUrl);
  }

  /** Every message sent so far (each received once, then kept invisible for the rest of the test). */
  async drain(): Promise<Message[]> {
    const messages: Message[] = [];
    for (;;) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: this.url, MaxNumberOfMessages: 10, VisibilityTimeout: 600, MessageAttributeNames: ['All'] }),
      );
      if (Messages.length === 0) return messages;
      messages.push(...Messages);
    }
  }

  delete(): Promise<unknown> {
    return this.sqs.send(new DeleteQueueCommand({ QueueUrl: this.url }));
  }
}

/** The API against the local servers, with the webhooks' events going to `queue`. */
export async function createWebhookTestApp(sqs: SQSClient, queue: TestEventsQueue): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(WEBHOOK_EVENT_PUBLISHER)
    .useValue(new SqsEventPublisher(sqs, queue.url))
    .compile();
  return startTestApp(moduleRef);
}
