import { getCurrentInvoke } from '@vendia/serverless-express';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** API Gateway's request id when there is one (it ties the answer to the platform's logs). */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction) {
  const invoke = getCurrentInvoke() as { event?: { requestContext?: { requestId?: string } } };
  const requestId = invoke.event?.requestContext?.requestId ?? randomUUID();
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  next();
}
