import { DomainError } from '@loyalty/domain';
import { HttpException, PayloadTooLargeException } from '@nestjs/common';
import { httpExceptionFor } from './domain-errors';
import { RateLimitExceededException } from './rate-limit-exceeded.exception';

/** AWS SDK errors saying "slow down" once the SDK's own retries are spent (DynamoDB, SQS). */
const AWS_THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

/**
 * What body-parser throws: an http-errors error with a `type` such as `entity.too.large`. (Nest
 * itself turns its JSON syntax errors into a 400 with the parser's message.)
 */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

/**
 * Any failure as the HTTP exception that answers it; undefined for a fault nobody expected (a 500).
 * Domain errors, request-body errors and AWS throttling are the failures that are not HttpExceptions.
 */
export function httpExceptionOf(exception: unknown): HttpException | undefined {
  if (exception instanceof HttpException) return exception;
  if (exception instanceof DomainError) return httpExceptionFor(exception);
  if (isBodyParserError(exception)) return bodyException(exception);
  if (exception instanceof Error && AWS_THROTTLING.has(exception.name)) {
    return new RateLimitExceededException(1, 'The service is busy; retry shortly');
  }
  return undefined;
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const { type, status } = (exception ?? {}) as Partial<BodyParserError>;
  return typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}

function bodyException(error: BodyParserError): HttpException {
  return error.type === 'entity.too.large'
    ? new PayloadTooLargeException(`The request body is larger than ${error.limit ?? 'allowed'} bytes`)
    : new HttpException('The request body cannot be read', error.status);
}
