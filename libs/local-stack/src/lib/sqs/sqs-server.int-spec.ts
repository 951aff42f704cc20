import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalSqsClient } from '../aws/local-aws-clients';
import { findFreePort } from '../net/free-port';
import { ensureEventsQueues } from './events-queues';
import { startSqsServer } from './sqs-server';

describe('startSqsServer', () => {
  it('serves queues whose URLs carry the port it listens on, even when it picked the port', async () => {
    // Prepare
    const server = await startSqsServer({ port: 0 });
    const sqs = createLocalSqsClient(server.endpoint);

    // Act
    const queues = await ensureEventsQueues(sqs, {
      visibilityTimeoutSeconds: 5,
    });

    // Assess
    sqs.destroy();
    await server.stop();
    expect(server.port).toBeGreaterThan(0);
    expect(queues.eventsQueueUrl).toBe(
      `http://127.0.0.1:${server.port}/000000000000/loyalty-local-events`,
    );
  });

  it('fails clearly when the port is taken', async () => {
    // Prepare
    const port = await findFreePort();
    const first = await startSqsServer({ port });

    // Act
    const second = startSqsServer({ port });

    // Assess
    await expect(second).rejects.toThrow(
      `Port ${port} is already in use; choose another one with SQS_PORT`,
    );
    await first.stop();
  });

  it('stops at once even while a receive is long-polling', async () => {
    // Prepare
    const server = await startSqsServer({ port: 0 });
    const sqs = createLocalSqsClient(server.endpoint);
    const { eventsQueueUrl } = await ensureEventsQueues(sqs, {
      visibilityTimeoutSeconds: 5,
    });
    const receiving = sqs
      .send(
        new ReceiveMessageCommand({
          QueueUrl: eventsQueueUrl,
          WaitTimeSeconds: 20,
        }),
      )
      .catch((error: Error) => error);
    await sleep(200); // let the receive reach the server
    const startedAt = Date.now();

    // Act
    await server.stop();

    // Assess
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    sqs.destroy();
    await receiving;
  });
});
