import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { EventPublisher } from '../events/event-publisher';
import type { OutboundEvent } from '../events/outbound-event';
import { eventMessage } from './event-message';

export class SqsEventPublisher implements EventPublisher {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async publish(event: OutboundEvent): Promise<void> {
    await this.client.send(new SendMessageCommand(eventMessage(this.queueUrl, event)));
  }
}
