import { getCurrentInvoke } from '@vendia/serverless-express';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The Lambda invocation's request id when there is one: it is unique per call and is the id the
 * function's own log lines carry, so a client's error report leads straight to them.
 */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction) {
  const invoke = getCurrentInvoke() as { context?: { awsRequestId?: string } };
  const requestId = invoke.context?.awsRequestId ?? randomUUID();
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  next();
}
