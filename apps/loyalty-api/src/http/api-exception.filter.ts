import { Logger } from '@aws-lambda-powertools/logger';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { API_ERROR_CODES, ApiErrorBody, ApiErrorCode } from './api-error';
import { httpExceptionOf } from './http-exception-of';
import { RateLimitExceededException } from './rate-limit-exceeded.exception';
import { REQUEST_ID_HEADER } from './request-id.middleware';
import { routePattern } from './route-pattern';

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_ERROR',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHORIZED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'VALIDATION_ERROR',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMIT_EXCEEDED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/**
 * Every failure leaves in the SPEC envelope. Only unexpected faults are 500s: they are logged with
 * their error, and the client sees no detail of them.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const answer = httpExceptionOf(exception);
    const status = answer?.getStatus() ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const unexpected = !answer || (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE);
    if (unexpected) {
      this.logger.error('Unhandled error', { error: exception as Error, route: routePattern(request) });
    } else if (status === HttpStatus.SERVICE_UNAVAILABLE && answer.cause) {
      this.logger.warn('Dependency unavailable', { error: answer.cause as Error, route: routePattern(request) });
    }
    const body: ApiErrorBody = {
      success: false,
      error:
        unexpected || !answer
          ? { code: 'INTERNAL_ERROR', message: 'Internal error' }
          : { code: codeOf(answer), message: messageOf(answer), ...detailsOf(answer) },
      requestId: String(request.headers[REQUEST_ID_HEADER] ?? ''),
    };
    if (answer instanceof RateLimitExceededException) {
      response.setHeader('Retry-After', String(answer.retryAfterSeconds));
    }
    response.status(status).json(body);
  }
}

function responseOf(exception: HttpException): Record<string, unknown> {
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
}

function codeOf(exception: HttpException): ApiErrorCode {
  const { code } = responseOf(exception);
  if (API_ERROR_CODES.includes(code as ApiErrorCode)) return code as ApiErrorCode;
  const status = exception.getStatus();
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR');
}

function messageOf(exception: HttpException): string {
  const { message } = responseOf(exception);
  return typeof message === 'string' ? message : exception.message;
}

/** `details` of the exception's response: validation problems, health reports, domain details. */
function detailsOf(exception: HttpException): { details?: Record<string, unknown> } {
  const { details } = responseOf(exception);
  return typeof details === 'object' && details !== null
    ? { details: details as Record<string, unknown> }
    : {};
}
