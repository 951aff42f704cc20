import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { failedConditions, isTransientConflict } from './transaction-cancellation';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('failedConditions', () => {
  it('names the items whose condition failed, by position', () => {
    // Act
    const failed = failedConditions(cancelled('None', 'ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'), ['a', 'b', 'c', 'd']);

    // Assess
    expect(failed).toEqual(['b', 'd']);
  });

  it('names nothing for an error that is no cancellation', () => {
    // Act
    const failed = failedConditions(new Error('network'), ['a']);

    // Assess
    expect(failed).toEqual([]);
  });
});

describe('isTransientConflict', () => {
  it.each([
    [cancelled('None', 'TransactionConflict'), true],
    [cancelled('ThrottlingError'), true],
    [cancelled('None', 'ConditionalCheckFailed'), false],
    [cancelled('ValidationError'), false],
    [Object.assign(new Error('conflict'), { name: 'TransactionConflictException' }), true],
    [new Error('network'), false],
  ])('%s → %p', (error, transient) => {
    // Act
    const judged = isTransientConflict(error);

    // Assess
    expect(judged).toBe(transient);
  });
});
