import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { credit } from '../ledger/credit';
import { PostingRequest } from '../ledger/posting';
import { DEFAULT_PROGRAM } from '../program/program-settings';
import { ok } from '../shared/result';
import { ConcurrencyError } from '../shared/concurrency-error';
import { DynamoDbPointsLedger } from './dynamodb-points-ledger';

/*
 * DynamoDB Local never raises TransactionConflict, so that path is exercised with a stubbed
 * client; everything else about the ledger is tested against DynamoDB Local.
 */

const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'TransactionConflict' }],
  });

function stubClient(transactOutcomes: (Error | undefined)[]) {
  const sent: string[] = [];
  const client = {
    send: jest.fn(async (command: unknown) => {
      if (command instanceof GetCommand) {
        sent.push('get');
        return { Item: undefined };
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

const posting: PostingRequest = {
  tenantId: 'demo',
  userId: 'user_1',
  idempotencyKey: 'adjust#user_1#1',
  requestHash: 'hash',
  plan: (state, context) =>
    ok(
      credit(
        state.account,
        { tenantId: 'demo', userId: 'user_1', type: 'adjusted', points: 5, reason: 'goodwill', source: { kind: 'manual', id: '1' } },
        context,
        DEFAULT_PROGRAM,
      ),
    ),
};

const noDelay = { backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, random: () => 0 };

describe('DynamoDbPointsLedger on transaction conflicts', () => {
  it('reads the account again and retries until the transaction goes through', async () => {
    // Prepare
    const { client, sent } = stubClient([conflict(), conflict(), undefined]);
    const ledger = new DynamoDbPointsLedger(client, 'table', noDelay);

    // Act
    const outcome = await ledger.post(posting);

    // Assess
    expect(outcome.ok && outcome.value.duplicate).toBe(false);
    expect(sent).toEqual(['get', 'transact', 'get', 'transact', 'get', 'transact']);
  });

  it('gives up after the configured attempts with a retryable error that keeps the cause', async () => {
    // Prepare
    const { client } = stubClient([conflict(), conflict(), conflict()]);
    const ledger = new DynamoDbPointsLedger(client, 'table', noDelay);

    // Act
    const posted = ledger.post(posting);

    // Assess
    await expect(posted).rejects.toBeInstanceOf(ConcurrencyError);
    await posted.catch((error: ConcurrencyError) => {
      expect(error.retryable).toBe(true);
      expect(error.cause).toBeInstanceOf(TransactionCanceledException);
    });
  });

  it('does not retry a failure another attempt cannot fix', async () => {
    // Prepare
    const invalid = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError' }, { Code: 'None' }],
    });
    const { client, sent } = stubClient([invalid]);
    const ledger = new DynamoDbPointsLedger(client, 'table', noDelay);

    // Act
    const posted = ledger.post(posting);

    // Assess
    await expect(posted).rejects.toBe(invalid);
    expect(sent).toEqual(['get', 'transact']);
  });
});
