import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { createLocalSqsClient } from '../aws/local-aws-clients';
import { ensureEventsQueues } from './events-queues';

/** The events queue has this visibility timeout and redrives to its DLQ after 5 receives. */
async function expectEventsQueueSettings(
  sqs: SQSClient,
  queues: { eventsQueueUrl: string; deadLetterQueueArn: string },
  visibilityTimeout: string,
): Promise<void> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queues.eventsQueueUrl,
      AttributeNames: ['All'],
    }),
  );
  expect(Attributes?.VisibilityTimeout).toBe(visibilityTimeout);
  expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
    deadLetterTargetArn: queues.deadLetterQueueArn,
    maxReceiveCount: 5,
  });
}

describe('ensureEventsQueues', () => {
  let sqs: SQSClient;

  beforeAll(() => {
    sqs = createLocalSqsClient(process.env['AWS_ENDPOINT_URL_SQS'] as string);
  });

  afterAll(() => sqs.destroy());

  it('creates the queue with a redrive policy to its dead-letter queue', async () => {
    // Prepare
    const suffix = randomUUID();
    const names = {
      queueName: `events-${suffix}`,
      deadLetterQueueName: `events-${suffix}-dlq`,
    };

    // Act
    const queues = await ensureEventsQueues(sqs, {
      ...names,
      visibilityTimeoutSeconds: 7,
    });

    // Assess
    expect(queues.deadLetterQueueArn).toBe(
      `arn:aws:sqs:us-east-1:000000000000:${names.deadLetterQueueName}`,
    );
    expect(queues.eventsQueueUrl).toMatch(
      new RegExp(`/000000000000/${names.queueName}$`),
    );
    await expectEventsQueueSettings(sqs, queues, '7');
  });

  it('returns the same queues when called again', async () => {
    // Prepare
    const suffix = randomUUID();
    const options = {
      queueName: `events-${suffix}`,
      deadLetterQueueName: `events-${suffix}-dlq`,
      visibilityTimeoutSeconds: 5,
    };
    const first = await ensureEventsQueues(sqs, options);

    // Act
    const second = await ensureEventsQueues(sqs, options);

    // Assess
    expect(second).toEqual(first);
  });

  it("brings an existing queue's attributes in line, as a server started beforehand may have others", async () => {
    // Prepare
    const suffix = randomUUID();
    const names = {
      queueName: `events-${suffix}`,
      deadLetterQueueName: `events-${suffix}-dlq`,
    };
    const { QueueUrl: existingQueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: names.queueName,
        Attributes: { VisibilityTimeout: '30' },
      }),
    );

    // Act
    const queues = await ensureEventsQueues(sqs, {
      ...names,
      visibilityTimeoutSeconds: 7,
    });

    // Assess
    expect(queues.eventsQueueUrl).toBe(existingQueueUrl);
    await expectEventsQueueSettings(sqs, queues, '7');
  });
});
