import type { Context, SQSEvent } from 'aws-lambda';
import { inProcessFunction } from './in-process-function';

const event: SQSEvent = { Records: [] };

describe('inProcessFunction', () => {
  it("answers with the handler's result and gives it a Lambda context", async () => {
    // Prepare
    let context: Context | undefined;
    const target = inProcessFunction(
      'processor',
      async (_event, given) => {
        context = given;
        return { batchItemFailures: [{ itemIdentifier: 'm-1' }] };
      },
      { timeoutMs: 30_000 },
    );

    // Act
    const response = await target.invoke(event, new AbortController().signal);

    // Assess
    expect(response).toEqual({
      statusCode: 200,
      payload: '{"batchItemFailures":[{"itemIdentifier":"m-1"}]}',
    });
    expect(context).toMatchObject({
      functionName: 'processor',
      invokedFunctionArn:
        'arn:aws:lambda:us-east-1:000000000000:function:processor',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(context?.getRemainingTimeInMillis()).toBeGreaterThan(29_000);
  });

  it('answers an empty payload when the handler returns nothing', async () => {
    // Prepare
    const target = inProcessFunction('processor', async () => undefined);

    // Act
    const response = await target.invoke(event, new AbortController().signal);

    // Assess
    expect(response).toEqual({ statusCode: 200, payload: '' });
  });

  it('answers a function error, as Lambda does, when the handler throws', async () => {
    // Prepare
    const target = inProcessFunction('processor', async () => {
      throw new TypeError('table not found');
    });

    // Act
    const response = await target.invoke(event, new AbortController().signal);

    // Assess
    expect(response).toEqual({
      statusCode: 200,
      functionError: 'Unhandled',
      payload: JSON.stringify({
        errorMessage: 'table not found',
        errorType: 'TypeError',
        trace: [],
      }),
    });
  });

  it('rejects when the caller gives up before the handler is done', async () => {
    // Prepare
    const target = inProcessFunction(
      'processor',
      () => new Promise(() => undefined),
    );
    const caller = new AbortController();

    // Act
    const invocation = target.invoke(event, caller.signal);
    caller.abort(new Error('stopping'));

    // Assess
    await expect(invocation).rejects.toThrow('stopping');
  });
});
