import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_REGION } from '../config/naming';
import {
  retryAll,
  settleBatch,
  type BatchSettlement,
} from './batch-settlement';
import type { FunctionTarget } from './invoke-function';
import { toSqsEvent } from './sqs-event';

export interface SqsEventSourceOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  region?: string;
  /** The function that gets the batches: `serverlessOfflineFunction(...)` or `inProcessFunction(...)`. */
  target: FunctionTarget;
  /** Messages per invocation, 1 to 10 (Lambda's default for SQS is 10). */
  batchSize?: number;
  /** Long-poll duration, 1 to 20 s; it ends as soon as a message arrives. */
  waitTimeSeconds?: number;
  /** Longer than the function's own timeout, after which its runner reports an error. */
  invocationTimeoutMs?: number;
  /** Pause after a failed receive or invoke, so a dead endpoint is not hammered. */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface SqsEventSource {
  /** Stops polling and cuts any receive or invocation in flight; resolves when the loop is over. */
  stop(): Promise<void>;
}

/**
 * Emulates Lambda's SQS event source mapping for serverless-offline (or a handler run in this
 * process): long-polls the queue, invokes the function with an SQS event and deletes only the
 * records the function did not report in `batchItemFailures`. Failed records stay on the queue; they come back after the
 * visibility timeout and move to the dead-letter queue after the redrive policy's maxReceiveCount.
 */
export function startSqsEventSource(
  options: SqsEventSourceOptions,
): SqsEventSource {
  const {
    sqs,
    queueUrl,
    queueArn,
    region = LOCAL_REGION,
    target,
    batchSize = 10,
    waitTimeSeconds = 10,
    invocationTimeoutMs = 60_000,
    retryDelayMs = 1_000,
    log = (line) => console.log(`[sqs-event-source] ${line}`),
  } = options;
  const stopping = new AbortController();

  const receive = async (
    maxNumberOfMessages: number,
    waitSeconds: number,
  ): Promise<Message[]> => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: maxNumberOfMessages,
        WaitTimeSeconds: waitSeconds,
        // Both spellings: AWS reads the new one, local-aws-sqs and ElasticMQ the deprecated one.
        MessageSystemAttributeNames: ['All'],
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: stopping.signal },
    );
    return Messages;
  };

  /**
   * Long-polls for one message, then takes up to a batch of those already waiting. Asking for a
   * whole batch in the long poll would be simpler, but local-aws-sqs then waits out the full
   * wait time to fill the batch, and returns a message twice if its visibility timeout expires
   * meanwhile; SQS itself returns as soon as anything is there.
   */
  const receiveBatch = async (): Promise<Message[]> => {
    const first = await receive(1, waitTimeSeconds);
    if (first.length === 0 || batchSize === 1) {
      return first;
    }
    // Filling the batch is a bonus: if it fails, the message already received is still handled.
    const more = await receive(batchSize - 1, 0).catch(() => []);
    return [...first, ...more];
  };

  const invoke = async (messages: Message[]): Promise<BatchSettlement> => {
    const event = toSqsEvent(messages, { queueArn, region });
    const messageIds = event.Records.map((record) => record.messageId);
    try {
      const signal = AbortSignal.any([
        stopping.signal,
        AbortSignal.timeout(invocationTimeoutMs),
      ]);
      return settleBatch(messageIds, await target.invoke(event, signal));
    } catch (error) {
      return retryAll(messageIds, `invoke failed: ${(error as Error).message}`);
    }
  };

  const deleteMessages = async (
    messages: Message[],
    messageIds: string[],
  ): Promise<void> => {
    const toDelete = messages.filter((message) =>
      messageIds.includes(message.MessageId as string),
    );
    if (toDelete.length === 0) {
      return;
    }
    const { Failed = [] } = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: toDelete.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
    for (const failure of Failed) {
      log(
        `could not delete a processed message (${failure.Code}: ${failure.Message}); it will be delivered again`,
      );
    }
  };

  const pollOnce = async (): Promise<void> => {
    const messages = await receiveBatch();
    if (messages.length === 0) {
      return;
    }
    const settlement = await invoke(messages);
    await deleteMessages(messages, settlement.deleteMessageIds);
    log(describeSettlement(target.functionName, messages.length, settlement));
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await pollOnce();
      } catch (error) {
        if (stopping.signal.aborted) {
          break;
        }
        log(
          `polling ${queueUrl} failed: ${(error as Error).message}; retrying in ${retryDelayMs} ms`,
        );
        await sleep(retryDelayMs, undefined, { signal: stopping.signal }).catch(
          () => undefined,
        );
      }
    }
  })();

  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}

function describeSettlement(
  functionName: string,
  received: number,
  { deleteMessageIds, retryMessageIds, retryReason }: BatchSettlement,
): string {
  const summary = `${functionName}: ${received} received, ${deleteMessageIds.length} deleted`;
  return retryMessageIds.length === 0
    ? summary
    : `${summary}, ${retryMessageIds.length} left for retry (${retryReason}): ${retryMessageIds.join(', ')}`;
}
