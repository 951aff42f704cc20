import { Logger } from '@aws-lambda-powertools/logger';
import { DomainError } from '@loyalty/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { SQSRecord } from 'aws-lambda';
import { CustomerEventsHandler } from './customer-events.handler';
import { readEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { OrderEventsHandler } from './order-events.handler';
import { PrivacyEventsHandler } from './privacy-events.handler';
import { SignupEventsHandler } from './signup-events.handler';

/** Injection token: the events queue's redrive limit (ProcessorConfig.eventsMaxReceiveCount), or null when unknown. */
export const EVENTS_MAX_RECEIVE_COUNT = 'EVENTS_MAX_RECEIVE_COUNT';

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
    @Inject(EVENTS_MAX_RECEIVE_COUNT) private readonly maxReceiveCount: number | null,
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

  /**
   * Rejections are final: the redrive moves them to the DLQ. Anything else is retried, unless this
   * was the message's last receive, which the log then says, since the DLQ is where it goes next.
   */
  private logFailure(record: SQSRecord, error: unknown): void {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const context = { messageId: record.messageId, receiveCount };
    const lastReceive = this.maxReceiveCount !== null && receiveCount >= this.maxReceiveCount;
    if (error instanceof EventRejectedError) {
      const message = lastReceive
        ? 'Event rejected; the redrive moves it to the dead-letter queue now'
        : 'Event rejected; it goes to the dead-letter queue after the redrive limit';
      this.logger.error(message, { ...context, reason: error.reason, details: error.details });
      return;
    }
    const retryable = !(error instanceof DomainError) || error.retryable;
    if (lastReceive) {
      this.logger.error('Event failed on its last receive; the redrive moves it to the dead-letter queue', { ...context, retryable, error });
    } else {
      this.logger.warn('Event failed; it will be retried', { ...context, retryable, error });
    }
  }
}
