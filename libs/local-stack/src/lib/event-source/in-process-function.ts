import type { Context, SQSEvent } from 'aws-lambda';
import type { FunctionTarget } from './invoke-function';
import { lambdaContext } from './lambda-context';

/** A Lambda handler in the async style (no callback). */
export type LambdaHandler<TEvent, TResult> = (
  event: TEvent,
  context: Context,
) => Promise<TResult>;

export interface InProcessFunctionOptions {
  /** What `getRemainingTimeInMillis()` counts down from, as the function's configured timeout. */
  timeoutMs?: number;
  memoryLimitInMB?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A handler run in this process, answered as Lambda's Invoke API answers: its result as the
 * payload, or, when it throws, `X-Amz-Function-Error: Unhandled` with `{errorMessage, errorType}`.
 * Tests use it to run a real handler under the SQS event source without serverless-offline, one
 * batch at a time per target, as one Lambda container serves one invocation at a time.
 */
export function inProcessFunction(
  functionName: string,
  handler: LambdaHandler<SQSEvent, unknown>,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    memoryLimitInMB = 1024,
  }: InProcessFunctionOptions = {},
): FunctionTarget {
  return {
    functionName,
    invoke: async (event, signal) => {
      const context = lambdaContext(
        functionName,
        Date.now() + timeoutMs,
        memoryLimitInMB,
      );
      let result: unknown;
      try {
        result = await untilAborted(handler(event, context), signal);
      } catch (error) {
        if (signal.aborted) throw error; // the caller gave up: like a lost connection, not a function error
        const { name = 'Error', message = String(error) } =
          error as Partial<Error>;
        return {
          statusCode: 200,
          functionError: 'Unhandled',
          payload: JSON.stringify({
            errorMessage: message,
            errorType: name,
            trace: [],
          }),
        };
      }
      return {
        statusCode: 200,
        payload: result === undefined ? '' : JSON.stringify(result),
      };
    },
  };
}

/** The handler goes on running when the signal fires, as a Lambda invocation does when its caller hangs up. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
