import type { SQSEvent } from 'aws-lambda';
import {
  REPORTED_IN_BATCH_ITEM_FAILURES,
  settleBatch,
} from '../../lib/event-source/batch-settlement';
import type { FunctionTarget } from '../../lib/event-source/invoke-function';

/** One record handed to the function: which message, on which receive. */
export interface Delivery {
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
}

/**
 * Watches what the SQS event source hands to functions and what they answer: every delivery,
 * and how many records came back in `batchItemFailures`.
 */
export class InvocationRecorder {
  readonly deliveries: Delivery[] = [];
  invocations = 0;
  /** Records reported in batchItemFailures (retried through the visibility timeout). */
  failedRecords = 0;
  /** Invocations that failed as a whole (the function threw, or its answer could not be used). */
  failedInvocations = 0;
  /** How long each invocation took, in milliseconds. */
  readonly durationsMs: number[] = [];

  /** The target, recorded; `beforeInvoke` sees each batch first (e.g. to decide on faults). */
  record(
    target: FunctionTarget,
    beforeInvoke: (event: SQSEvent) => void = () => undefined,
  ): FunctionTarget {
    return {
      functionName: target.functionName,
      invoke: async (event, signal) => {
        this.invocations += 1;
        for (const record of event.Records) {
          this.deliveries.push({
            messageId: record.messageId,
            body: record.body,
            receiveCount: Number(record.attributes.ApproximateReceiveCount),
          });
        }
        beforeInvoke(event);
        const startedAt = Date.now();
        const response = await target.invoke(event, signal);
        this.durationsMs.push(Date.now() - startedAt);
        const messageIds = event.Records.map((record) => record.messageId);
        const { retryMessageIds, retryReason } = settleBatch(
          messageIds,
          response,
        );
        if (retryReason === REPORTED_IN_BATCH_ITEM_FAILURES) {
          this.failedRecords += retryMessageIds.length;
        } else if (retryMessageIds.length > 0) {
          this.failedInvocations += 1;
        }
        return response;
      },
    };
  }

  /** The deliveries of the messages with this body, in order. */
  deliveriesOf(body: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.body === body);
  }
}
