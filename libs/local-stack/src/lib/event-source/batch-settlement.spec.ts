import {
  retryAll,
  settleBatch,
  type InvocationResponse,
} from './batch-settlement';

const batch = ['m-1', 'm-2', 'm-3'];

function ok(payload: string): InvocationResponse {
  return { statusCode: 200, payload };
}

describe('settleBatch', () => {
  it.each([
    ['an empty response', ''],
    ['a null response', 'null'],
    ['an empty object', '{}'],
    ['a null batchItemFailures', '{"batchItemFailures":null}'],
    ['an empty batchItemFailures', '{"batchItemFailures":[]}'],
  ])('deletes the whole batch on %s', (_case, payload) => {
    // Prepare
    const response = ok(payload);

    // Act
    const settlement = settleBatch(batch, response);

    // Assess
    expect(settlement).toEqual({
      deleteMessageIds: batch,
      retryMessageIds: [],
    });
  });

  it('deletes only the records not listed in batchItemFailures', () => {
    // Prepare
    const response = ok(
      JSON.stringify({
        batchItemFailures: [
          { itemIdentifier: 'm-2' },
          { itemIdentifier: 'm-2' },
        ],
      }),
    );

    // Act
    const settlement = settleBatch(batch, response);

    // Assess
    expect(settlement).toEqual({
      deleteMessageIds: ['m-1', 'm-3'],
      retryMessageIds: ['m-2'],
      retryReason: 'reported in batchItemFailures',
    });
  });

  it('deletes nothing when the handler threw (serverless-offline: 200 + X-Amz-Function-Error)', () => {
    // Prepare
    const response: InvocationResponse = {
      statusCode: 200,
      functionError: 'Unhandled',
      payload: JSON.stringify({
        errorMessage: 'table not found',
        errorType: 'Error',
        trace: [],
      }),
    };

    // Act
    const settlement = settleBatch(batch, response);

    // Assess
    expect(settlement).toEqual({
      deleteMessageIds: [],
      retryMessageIds: batch,
      retryReason: 'function error (Unhandled): table not found',
    });
  });

  it('deletes nothing when the invoke endpoint answers an error status', () => {
    // Prepare
    const response: InvocationResponse = {
      statusCode: 404,
      payload:
        '{"Message":"Function not found: loyalty-local-processor","Type":"User"}',
    };

    // Act
    const settlement = settleBatch(batch, response);

    // Assess
    expect(settlement.deleteMessageIds).toEqual([]);
    expect(settlement.retryMessageIds).toEqual(batch);
    expect(settlement.retryReason).toMatch(
      /^invoke answered HTTP 404: .*Function not found/,
    );
  });

  it.each([
    ['a response that is not JSON', 'oops', /not JSON/],
    [
      'a response that is not an object',
      '"done"',
      /not a batch response object/,
    ],
    [
      'a batchItemFailures that is not a list',
      '{"batchItemFailures":"m-1"}',
      /not a list/,
    ],
    [
      'an unknown itemIdentifier',
      '{"batchItemFailures":[{"itemIdentifier":"m-9"}]}',
      /not in the batch/,
    ],
    [
      'an empty itemIdentifier',
      '{"batchItemFailures":[{"itemIdentifier":""}]}',
      /not in the batch/,
    ],
    [
      'a null itemIdentifier',
      '{"batchItemFailures":[{"itemIdentifier":null}]}',
      /not in the batch/,
    ],
    [
      'a misspelt key',
      '{"batchItemFailures":[{"itemId":"m-1"}]}',
      /not in the batch/,
    ],
    [
      'a null failure entry',
      '{"batchItemFailures":[null]}',
      /not in the batch/,
    ],
  ])('deletes nothing on %s, as Lambda does', (_case, payload, reason) => {
    // Prepare
    const response = ok(payload);

    // Act
    const settlement = settleBatch(batch, response);

    // Assess
    expect(settlement.deleteMessageIds).toEqual([]);
    expect(settlement.retryMessageIds).toEqual(batch);
    expect(settlement.retryReason).toMatch(reason);
  });
});

describe('retryAll', () => {
  it('keeps every message and says why', () => {
    // Prepare
    const reason = 'invoke failed: ECONNREFUSED';

    // Act
    const settlement = retryAll(batch, reason);

    // Assess
    expect(settlement).toEqual({
      deleteMessageIds: [],
      retryMessageIds: batch,
      retryReason: reason,
    });
  });
});
