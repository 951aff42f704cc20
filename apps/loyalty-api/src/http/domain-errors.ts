import { DomainError } from '@loyalty/domain';
import { HttpException, HttpStatus, InternalServerErrorException } from '@nestjs/common';

/** Domain error codes and the statuses that answer them. A code missing here is a 500 (and logged). */
const STATUS_BY_CODE: Readonly<Record<string, HttpStatus>> = {
  VALIDATION_ERROR: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  // Lost races, over and over: the request was fine and may simply be sent again.
  CONCURRENCY_CONFLICT: HttpStatus.CONFLICT,
};

/** The HTTP exception answering a domain error, with the error's message and details. */
export function httpExceptionFor(error: DomainError): HttpException {
  const status = STATUS_BY_CODE[error.code];
  if (status === undefined) return new InternalServerErrorException(undefined, { cause: error });
  return new HttpException({ message: error.message, details: error.details }, status, { cause: error });
}
