import type { SQSEvent } from 'aws-lambda';
import type { InvocationResponse } from './batch-settlement';

export interface InvokeTarget {
  /** serverless-offline's Lambda endpoint, e.g. http://127.0.0.1:3002. */
  lambdaEndpoint: string;
  functionName: string;
}

/** A function the SQS event source can hand batches to, wherever it runs. */
export interface FunctionTarget {
  readonly functionName: string;
  /** Runs the function with one batch and answers as Lambda's Invoke API does; rejects only when the call itself failed. */
  invoke(event: SQSEvent, signal: AbortSignal): Promise<InvocationResponse>;
}

/**
 * Invokes a function synchronously through serverless-offline's implementation of Lambda's
 * Invoke API. A handler that throws comes back as HTTP 200 with `X-Amz-Function-Error: Unhandled`
 * and `{errorMessage, errorType, trace}`; a missing function as HTTP 404. Transport failures
 * (endpoint down, timeout, abort) reject.
 */
export async function invokeFunction(
  { lambdaEndpoint, functionName }: InvokeTarget,
  event: unknown,
  signal: AbortSignal,
): Promise<InvocationResponse> {
  const url = `${lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Amz-Invocation-Type': 'RequestResponse',
    },
    body: JSON.stringify(event),
    signal,
  });
  return {
    statusCode: response.status,
    functionError: response.headers.get('x-amz-function-error') ?? undefined,
    payload: await response.text(),
  };
}

/** A function that serverless-offline runs, invoked through its Invoke API. */
export function serverlessOfflineFunction(
  target: InvokeTarget,
): FunctionTarget {
  return {
    functionName: target.functionName,
    invoke: (event, signal) => invokeFunction(target, event, signal),
  };
}
