import { Logger } from '@aws-lambda-powertools/logger';
import { DomainError } from '@loyalty/domain';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorBody, ApiErrorCode } from './api-error';
import { httpExceptionFor } from './domain-errors';
import { REQUEST_ID_HEADER } from './request-id.middleware';

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

/** Every failure leaves in the SPEC envelope; only unexpected faults are 500s, and they are logged. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = asHttpException(thrown);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error('Unhandled error', { error: exception as Error, path: request.path });
    }
    const body: ApiErrorBody = {
      success: false,
      error: {
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR'),
        message: status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE ? 'Internal error' : messageOf(exception),
        ...detailsOf(exception),
      },
      requestId: String(request.headers[REQUEST_ID_HEADER] ?? ''),
    };
    response.status(status).json(body);
  }
}

/**
 * Controllers throw the domain's errors as they are: their codes decide the status. The body
 * parser's refusals that Nest does not map (an unsupported charset or encoding, a body too large)
 * are client errors marked safe to show (`expose`), not faults.
 */
function asHttpException(thrown: unknown): unknown {
  if (thrown instanceof DomainError) return httpExceptionFor(thrown);
  const { expose, status } = (thrown ?? {}) as { expose?: unknown; status?: unknown };
  if (thrown instanceof Error && expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpException(thrown.message, status, { cause: thrown });
  }
  return thrown;
}

function messageOf(exception: unknown): string {
  if (!(exception instanceof HttpException)) return 'Internal error';
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return 'Request validation failed';
  }
  return exception.message;
}

/** Validation messages (a list) and health reports (`details`) travel as `details`. */
function detailsOf(exception: unknown): { details?: Record<string, unknown> } {
  if (!(exception instanceof HttpException)) return {};
  const response = exception.getResponse();
  if (typeof response !== 'object' || response === null) return {};
  const { message, details } = response as { message?: unknown; details?: unknown };
  if (Array.isArray(message)) return { details: { errors: message } };
  if (typeof details === 'object' && details !== null) {
    return { details: details as Record<string, unknown> };
  }
  return {};
}
