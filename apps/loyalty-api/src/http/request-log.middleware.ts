import { Logger } from '@aws-lambda-powertools/logger';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { AuthenticatedRequest } from '../auth/jwt-auth.guard';
import { REQUEST_ID_HEADER } from './request-id.middleware';
import { routePattern } from './route-pattern';

/**
 * One JSON line per request, once the response is sent: request id, method, route pattern, status,
 * duration, and the tenant and role when the caller was authenticated. Deliberately nothing a
 * person could be identified by: no raw path or query, no body, no headers, no token, no `sub`.
 */
export function requestLogMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      const { tenantId, principal } = request as Partial<AuthenticatedRequest>;
      logger.info('request', {
        requestId: request.headers[REQUEST_ID_HEADER],
        method: request.method,
        route: routePattern(request),
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...(tenantId && { tenantId }),
        ...(principal && { role: principal.role }),
      });
    });
    next();
  };
}
