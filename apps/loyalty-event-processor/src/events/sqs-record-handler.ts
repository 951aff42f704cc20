import { Logger } from '@aws-lambda-powertools/logger';
import { DomainError } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import type { SQSRecord } from 'aws-lambda';
import { CustomerEventsHandler } from './customer-events.handler';
import { readEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { OrderEventsHandler } from './order-events.handler';
import { PrivacyEventsHandler } from './privacy-events.handler';
import { SignupEventsHandler } from './signup-events.handler';

/** Handles one SQS record: reads the event and hands it to its family's handler; throwing marks it as a batch item failure. */
@Injectable()
export class SqsRecordHandler {
  private readonly handlers: ReadonlyMap<string, EventFamilyHandler>;

  constructor(
    orders: OrderEventsHandler,
    customers: CustomerEventsHandler,
    privacy: PrivacyEventsHandler,
    signups: SignupEventsHandler,
    private readonly logger: Logger,
  ) {
    this.handlers = new Map([orders, customers, privacy, signups].flatMap((family) => family.types.map((type) => [type, family])));
  }

  async handle(record: SQSRecord): Promise<void> {
    try {
      const event = readEvent(record.body, record.messageAttributes['eventType']?.stringValue);
      const family = this.handlers.get(event.type);
      if (!family) throw new EventRejectedError(`Unsupported event type "${event.type}"`);
      await family.handle(event);
    } catch (error) {
      this.logFailure(record, error);
      throw error;
    }
  }

  /** Rejections are final (the DLQ will hold them); anything else is transient and retried. */
  private logFailure(record: SQSRecord, error: unknown): void {
    const context = {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount),
    };
    if (error instanceof EventRejectedError) {
      this.logger.error('Event rejected; it goes to the dead-letter queue after the redrive limit', {
        ...context,
        reason: error.reason,
        details: error.details,
      });
    } else {
      const retryable = !(error instanceof DomainError) || error.retryable;
      this.logger.warn('Event failed; it will be retried', { ...context, retryable, error });
    }
  }
}
