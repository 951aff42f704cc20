import * as dynamoDbSdk from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbFaultInjector,
  type DynamoDbFaultOptions,
} from './dynamodb-fault-injector';

/** A client whose calls never leave the process: each one is counted and answers an empty success. */
function offlineClient() {
  const client = DynamoDBDocumentClient.from(
    new dynamoDbSdk.DynamoDBClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
  );
  const sent: string[] = [];
  client.middlewareStack.add(
    (_next, context) => async () => {
      sent.push(String(context.commandName));
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'build', name: 'answerOffline' },
  );
  return { client, sent };
}

const write = new TransactWriteCommand({
  TransactItems: [
    { Put: { TableName: 't', Item: { PK: 'IDEMPOTENCY#1', SK: 'x' } } },
    {
      Update: {
        TableName: 't',
        Key: { PK: 'ACCOUNT#1', SK: 'ACCOUNT' },
        UpdateExpression: 'SET a = :a',
        ExpressionAttributeValues: { ':a': 1 },
      },
    },
  ],
});

function injectorOn(
  client: DynamoDBDocumentClient,
  options: Partial<DynamoDbFaultOptions>,
) {
  const injector = new DynamoDbFaultInjector({
    seed: 1,
    rate: 1,
    sdk: dynamoDbSdk,
    ...options,
  });
  injector.attachTo(client);
  return injector;
}

describe('DynamoDbFaultInjector', () => {
  it('makes a write that took effect fail as if its response was lost', async () => {
    // Prepare
    const { client, sent } = offlineClient();
    const injector = injectorOn(client, { kinds: ['response-lost'] });

    // Act
    const sending = client.send(write);

    // Assess
    await expect(sending).rejects.toMatchObject({
      message: 'socket hang up',
      code: 'ECONNRESET',
    });
    expect(sent).toEqual(['TransactWriteItemsCommand']);
    expect(injector.injected).toEqual([
      {
        operation: 'TransactWriteItems',
        fault: 'response-lost',
        keys: [
          { PK: 'IDEMPOTENCY#1', SK: 'x' },
          { PK: 'ACCOUNT#1', SK: 'ACCOUNT' },
        ],
      },
    ]);
  });

  it("cancels a transaction with a conflict on its last item, as the client's own exception class", async () => {
    // Prepare
    const { client, sent } = offlineClient();
    injectorOn(client, { kinds: ['transaction-conflict'] });

    // Act
    const error = await client.send(write).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(dynamoDbSdk.TransactionCanceledException);
    expect(
      (error as dynamoDbSdk.TransactionCanceledException).CancellationReasons,
    ).toEqual([
      { Code: 'None' },
      {
        Code: 'TransactionConflict',
        Message: 'Transaction is ongoing for the item',
      },
    ]);
    expect(sent).toEqual([]);
  });

  it('throttles a read before it reaches DynamoDB', async () => {
    // Prepare
    const { client, sent } = offlineClient();
    injectorOn(client, { kinds: ['throughput-exceeded'] });

    // Act
    const reading = client.send(
      new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }),
    );

    // Assess
    await expect(reading).rejects.toBeInstanceOf(
      dynamoDbSdk.ProvisionedThroughputExceededException,
    );
    expect(sent).toEqual([]);
  });

  it('lets every call through while disabled, and calls of other operations always', async () => {
    // Prepare
    const { client, sent } = offlineClient();
    const injector = injectorOn(client, { operations: ['GetItem'] });

    // Act
    await client.send(write);
    injector.enabled = false;
    await client.send(
      new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }),
    );

    // Assess
    expect(sent).toEqual(['TransactWriteItemsCommand', 'GetItemCommand']);
    expect(injector.count()).toBe(0);
  });

  it('fails the same calls for the same seed, whatever else happens in between', async () => {
    // Prepare
    const failures = async (order: string[]) => {
      const { client } = offlineClient();
      const injector = injectorOn(client, { seed: 42, rate: 0.5 });
      for (const pk of order) {
        for (let attempt = 0; attempt < 3; attempt++) {
          await client
            .send(new GetCommand({ TableName: 't', Key: { PK: pk, SK: 's' } }))
            .catch(() => undefined);
        }
      }
      return injector.injected
        .map((fault) => JSON.stringify([fault.keys, fault.fault]))
        .sort();
    };

    // Act
    const forwards = await failures(['a', 'b', 'c', 'd']);
    const backwards = await failures(['d', 'c', 'b', 'a']);

    // Assess
    expect(backwards).toEqual(forwards);
    expect(forwards.length).toBeGreaterThan(0);
  });
});
