import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorResponse } from './api-error';

/** 429 RATE_LIMIT_EXCEEDED; the filter adds `Retry-After: <retryAfterSeconds>`. */
export class RateLimitExceededException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; retry later',
  ) {
    const response: ApiErrorResponse = { code: 'RATE_LIMIT_EXCEEDED', message };
    super(response, HttpStatus.TOO_MANY_REQUESTS);
  }
}
