import { DomainError } from '@loyalty/domain';
import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorCode } from './api-error';

const STATUS_BY_CODE: Partial<Record<string, [HttpStatus, ApiErrorCode]>> = {
  VALIDATION_ERROR: [HttpStatus.BAD_REQUEST, 'VALIDATION_ERROR'],
  NOT_FOUND: [HttpStatus.NOT_FOUND, 'NOT_FOUND'],
  CONFLICT: [HttpStatus.CONFLICT, 'CONFLICT'],
  INSUFFICIENT_POINTS: [HttpStatus.CONFLICT, 'INSUFFICIENT_POINTS'],
  CONCURRENCY_CONFLICT: [HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE'],
};

/** An HTTP failure that names its envelope code (two codes share 409). */
export class ApiException extends HttpException {
  constructor(
    readonly code: ApiErrorCode,
    status: HttpStatus,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super({ message, details }, status, options);
  }
}

/** The HTTP answer for a failure the domain returned. */
export function domainFailure(error: DomainError): ApiException {
  const [status, code] = STATUS_BY_CODE[error.code] ?? [HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR'];
  return new ApiException(code, status, error.message, error.details, { cause: error });
}
