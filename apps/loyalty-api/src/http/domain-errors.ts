import { DomainError, Result } from '@loyalty/domain';
import { HttpException, HttpStatus, InternalServerErrorException } from '@nestjs/common';
import { ApiErrorCode, ApiErrorResponse } from './api-error';

/** Domain error codes and what answers them over HTTP. A code missing here is a 500 (and logged). */
const ANSWERS: Readonly<Record<string, { status: HttpStatus; code: ApiErrorCode }>> = {
  VALIDATION_ERROR: { status: HttpStatus.BAD_REQUEST, code: 'VALIDATION_ERROR' },
  // A credential that does not hold (a webhook's signature).
  UNAUTHORIZED: { status: HttpStatus.UNAUTHORIZED, code: 'UNAUTHORIZED' },
  FORBIDDEN: { status: HttpStatus.FORBIDDEN, code: 'FORBIDDEN' },
  NOT_FOUND: { status: HttpStatus.NOT_FOUND, code: 'NOT_FOUND' },
  CONFLICT: { status: HttpStatus.CONFLICT, code: 'CONFLICT' },
  // Lost races, over and over: the request was fine and may simply be sent again.
  CONCURRENCY_CONFLICT: { status: HttpStatus.CONFLICT, code: 'CONFLICT' },
  INSUFFICIENT_POINTS: { status: HttpStatus.CONFLICT, code: 'INSUFFICIENT_POINTS' },
};

/** The HTTP exception answering a domain error, with the error's message and details. */
export function httpExceptionFor(error: DomainError): HttpException {
  const answer = ANSWERS[error.code];
  if (!answer) return new InternalServerErrorException(undefined, { cause: error });
  const response: ApiErrorResponse = {
    code: answer.code,
    message: error.message,
    ...(Object.keys(error.details).length > 0 && { details: error.details }),
  };
  return new HttpException(response, answer.status, { cause: error });
}

/**
 * The value of a domain Result, or its error thrown as the HTTP exception that answers it:
 * `const tenant = valueOrThrow(await this.createTenant.execute(body));`
 */
export function valueOrThrow<T>(result: Result<T, DomainError>): T {
  if (result.ok) return result.value;
  throw httpExceptionFor(result.error);
}
