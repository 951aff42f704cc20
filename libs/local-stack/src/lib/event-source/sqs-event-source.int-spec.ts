import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { createLocalSqsClient } from '../aws/local-aws-clients';
import { findFreePort } from '../net/free-port';
import { waitUntil } from '../net/wait-until';
import { ensureEventsQueues, type EventsQueues } from '../sqs/events-queues';
import { serverlessOfflineFunction } from './invoke-function';
import { startSqsEventSource, type SqsEventSource } from './sqs-event-source';

interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** Stands in for serverless-offline's invoke endpoint; records every event it is sent. */
class FakeInvokeEndpoint {
  readonly events: SQSEvent[] = [];
  readonly paths: string[] = [];
  private server?: Server;

  constructor(private readonly answer: (event: SQSEvent) => FakeAnswer) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const event = JSON.parse(body) as SQSEvent;
        this.events.push(event);
        this.paths.push(request.url ?? '');
        const { status = 200, headers = {}, body: answer } = this.answer(event);
        response.writeHead(status, headers).end(answer);
      });
    });
    await new Promise<void>((resolve) =>
      this.server?.listen(0, '127.0.0.1', resolve),
    );
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  records() {
    return this.events.flatMap((event) => event.Records);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const VISIBILITY_TIMEOUT_SECONDS = 1;
const WAIT_TIME_SECONDS = 1;

describe('startSqsEventSource', () => {
  let sqs: SQSClient;
  let queues: EventsQueues;
  let fake: FakeInvokeEndpoint | undefined;
  let eventSource: SqsEventSource | undefined;
  let logLines: string[];

  beforeAll(() => {
    sqs = createLocalSqsClient(process.env['AWS_ENDPOINT_URL_SQS'] as string);
  });

  beforeEach(async () => {
    logLines = [];
    // Own queues per test, with a short visibility timeout so that retries come quickly.
    const suffix = randomUUID();
    queues = await ensureEventsQueues(sqs, {
      queueName: `events-${suffix}`,
      deadLetterQueueName: `events-${suffix}-dlq`,
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
    });
  });

  afterEach(async () => {
    await eventSource?.stop();
    await fake?.stop();
    eventSource = undefined;
    fake = undefined;
  });

  afterAll(() => sqs.destroy());

  function start(lambdaEndpoint: string): SqsEventSource {
    return startSqsEventSource({
      sqs,
      queueUrl: queues.eventsQueueUrl,
      queueArn: queues.eventsQueueArn,
      target: serverlessOfflineFunction({
        lambdaEndpoint,
        functionName: 'loyalty-local-processor',
      }),
      waitTimeSeconds: WAIT_TIME_SECONDS,
      retryDelayMs: 100,
      log: (line) => logLines.push(line),
    });
  }

  async function send(body: string): Promise<string> {
    const { MessageId } = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queues.eventsQueueUrl,
        MessageBody: body,
        MessageAttributes: {
          tenantId: { DataType: 'String', StringValue: 'demo' },
        },
      }),
    );
    return MessageId as string;
  }

  /**
   * The ids of the messages still on a queue, once any in flight are visible again. Stops the
   * event source first, so that it does not take them. The server may still hand a message to
   * the long poll that stopping cut, so that one must run out and its message become visible.
   */
  async function messagesLeftOn(queueUrl: string): Promise<string[]> {
    await eventSource?.stop();
    await sleep((WAIT_TIME_SECONDS + VISIBILITY_TIMEOUT_SECONDS) * 1_000 + 500);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
      }),
    );
    return Messages.map((message) => message.MessageId as string);
  }

  async function visibleMessageCount(queueUrl: string): Promise<number> {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages);
  }

  it('invokes the function with an AWS-shaped SQS event and deletes what it processed', async () => {
    // Prepare
    fake = new FakeInvokeEndpoint(() => ({ body: '' }));
    eventSource = start(await fake.start());

    // Act
    const messageId = await send('{"detail-type":"order.completed"}');
    await waitUntil(
      async () =>
        logLines.some((line) => line.includes('1 received, 1 deleted')),
      {
        description: 'the message to be processed',
        timeoutMs: 10_000,
      },
    );

    // Assess
    expect(fake.paths).toEqual([
      '/2015-03-31/functions/loyalty-local-processor/invocations',
    ]);
    expect(fake.records()).toEqual([
      {
        messageId,
        receiptHandle: expect.any(String),
        body: '{"detail-type":"order.completed"}',
        attributes: expect.objectContaining({
          ApproximateReceiveCount: '1',
          SentTimestamp: expect.stringMatching(/^\d+$/),
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
          SenderId: expect.any(String),
        }),
        messageAttributes: {
          tenantId: {
            dataType: 'String',
            stringValue: 'demo',
            stringListValues: [],
            binaryListValues: [],
          },
        },
        md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
        md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
        eventSource: 'aws:sqs',
        eventSourceARN: queues.eventsQueueArn,
        awsRegion: 'us-east-1',
      },
    ]);
    expect(await messagesLeftOn(queues.eventsQueueUrl)).toEqual([]);
  });

  it('keeps a record reported in batchItemFailures until it lands in the dead-letter queue after 5 receives', async () => {
    // Prepare
    fake = new FakeInvokeEndpoint((event) => ({
      body: JSON.stringify({
        batchItemFailures: event.Records.filter(
          (record) => record.body === 'poison',
        ).map((record) => ({ itemIdentifier: record.messageId })),
      }),
    }));
    eventSource = start(await fake.start());

    // Act
    const poisonId = await send('poison');
    const goodId = await send('good');
    await waitUntil(
      async () => (await visibleMessageCount(queues.deadLetterQueueUrl)) === 1,
      {
        description: 'the failing message to reach the dead-letter queue',
        timeoutMs: 30_000,
        intervalMs: 250,
      },
    );

    // Assess
    const deliveries = (id: string) =>
      fake?.records().filter((record) => record.messageId === id) ?? [];
    expect(deliveries(goodId)).toHaveLength(1);
    expect(
      deliveries(poisonId).map(
        (record) => record.attributes.ApproximateReceiveCount,
      ),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(await messagesLeftOn(queues.eventsQueueUrl)).toEqual([]);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queues.deadLetterQueueUrl }),
    );
    expect(
      Messages.map((message) => [message.MessageId, message.Body]),
    ).toEqual([[poisonId, 'poison']]);
  });

  it('deletes nothing when the function throws', async () => {
    // Prepare: serverless-offline's answer to a handler that threw
    fake = new FakeInvokeEndpoint(() => ({
      headers: { 'X-Amz-Function-Error': 'Unhandled' },
      body: JSON.stringify({
        errorMessage: 'boom',
        errorType: 'Error',
        trace: [],
      }),
    }));
    eventSource = start(await fake.start());

    // Act
    const messageId = await send('anything');
    await waitUntil(async () => (fake?.records().length ?? 0) >= 2, {
      description: 'the message to be delivered a second time',
      timeoutMs: 10_000,
    });

    // Assess
    expect(fake.records().map((record) => record.messageId)).toEqual([
      messageId,
      messageId,
    ]);
    expect(await messagesLeftOn(queues.eventsQueueUrl)).toEqual([messageId]);
  });

  it('deletes nothing when the invoke endpoint cannot be reached', async () => {
    // Prepare
    const deadEndpoint = `http://127.0.0.1:${await findFreePort()}`;
    eventSource = start(deadEndpoint);

    // Act
    const messageId = await send('anything');
    await waitUntil(
      async () =>
        logLines.filter((line) => line.includes('left for retry')).length >= 2,
      {
        description: 'the message to be received a second time',
        timeoutMs: 10_000,
      },
    );

    // Assess
    expect(logLines[0]).toMatch(
      /1 received, 0 deleted, 1 left for retry \(invoke failed: fetch failed\)/,
    );
    expect(await messagesLeftOn(queues.eventsQueueUrl)).toEqual([messageId]);
  });

  it('stops within a second even while long-polling an empty queue', async () => {
    // Prepare
    fake = new FakeInvokeEndpoint(() => ({ body: '' }));
    eventSource = startSqsEventSource({
      sqs,
      queueUrl: queues.eventsQueueUrl,
      queueArn: queues.eventsQueueArn,
      target: serverlessOfflineFunction({
        lambdaEndpoint: await fake.start(),
        functionName: 'loyalty-local-processor',
      }),
      waitTimeSeconds: 20,
      log: () => undefined,
    });
    await sleep(200);
    const startedAt = Date.now();

    // Act
    await eventSource.stop();

    // Assess
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });
});
