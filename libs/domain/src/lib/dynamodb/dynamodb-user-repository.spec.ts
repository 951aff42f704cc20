import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrencyError } from '../shared/concurrency-error';
import { ok } from '../shared/result';
import { userCreatedEvent } from '../users/user-created-event';
import { ada } from '../users/user.fixture';
import { DynamoDbUserRepository } from './dynamodb-user-repository';
import { profileItem } from './user-items';

/*
 * DynamoDB Local never raises TransactionConflict, so that path is exercised with a stubbed
 * client; everything else about the repository is tested against DynamoDB Local.
 */

const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });

function stubClient(transactOutcomes: (Error | undefined)[]) {
  const sent: string[] = [];
  const client = {
    send: jest.fn(async (command: unknown) => {
      if (command instanceof GetCommand) {
        sent.push('get');
        return { Item: profileItem(ada) };
      }
      if (command instanceof TransactWriteCommand) {
        sent.push('transact');
        const outcome = transactOutcomes.shift();
        if (outcome) throw outcome;
        return {};
      }
      throw new Error('unexpected command');
    }),
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
}

const noDelay = { backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, random: () => 0 };
const newUser = { profile: ada, event: userCreatedEvent(ada, 'evt_1'), welcomePoints: 100 };
const rename = () => ok({ ...ada, name: 'Ada King', version: 2 });

describe('DynamoDbUserRepository on transaction conflicts', () => {
  it('retries a signup until its transaction goes through', async () => {
    // Prepare
    const { client, sent } = stubClient([conflict(), undefined]);

    // Act
    const stored = await new DynamoDbUserRepository(client, 'table', noDelay).register(newUser);

    // Assess
    expect(stored.ok && stored.value.replayed).toBe(false);
    expect(sent).toEqual(['transact', 'transact']);
  });

  it('reads the profile again before each new attempt at a change', async () => {
    // Prepare
    const { client, sent } = stubClient([conflict(), conflict(), undefined]);

    // Act
    const updated = await new DynamoDbUserRepository(client, 'table', noDelay).update('demo', 'user_1', rename);

    // Assess
    expect(updated.ok && updated.value).toMatchObject({ name: 'Ada King' });
    expect(sent).toEqual(['get', 'transact', 'get', 'transact', 'get', 'transact']);
  });

  it('gives up after the configured attempts with a retryable error that keeps the cause', async () => {
    // Prepare
    const { client } = stubClient([conflict(), conflict(), conflict()]);

    // Act
    const updated = new DynamoDbUserRepository(client, 'table', noDelay).update('demo', 'user_1', rename);

    // Assess
    await expect(updated).rejects.toBeInstanceOf(ConcurrencyError);
    await updated.catch((error: ConcurrencyError) => {
      expect(error.retryable).toBe(true);
      expect(error.cause).toBeInstanceOf(TransactionCanceledException);
    });
  });
});
