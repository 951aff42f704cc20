import { AlreadyExistsError, ConcurrencyError, DomainError, InsufficientPointsError, NotFoundError, ValidationError, WebhookRejectedError } from '@loyalty/domain';
import { InternalServerErrorException } from '@nestjs/common';
import { httpExceptionFor } from './domain-errors';

class UnplannedError extends DomainError {
  readonly code = 'UNPLANNED';
  readonly retryable = false;
}

describe('httpExceptionFor', () => {
  it.each([
    [new ValidationError('Invalid user', { fields: { email: 'a valid email address' } }), 400, 'VALIDATION_ERROR'],
    [new NotFoundError('No user user_1', { userId: 'user_1' }), 404, 'NOT_FOUND'],
    [new WebhookRejectedError('BAD_SIGNATURE', 'No active secret made this signature'), 401, 'UNAUTHORIZED'],
    [new AlreadyExistsError('Another user of this business has this email', { field: 'email' }), 409, 'CONFLICT'],
    [new InsufficientPointsError('Only 5 points are available', { available: 5, requested: 6 }), 409, 'INSUFFICIENT_POINTS'],
    [new ConcurrencyError('Lost 8 races', { attempts: 8 }), 409, 'CONFLICT'],
  ])('answers %s with %p %p, its message and details', (error, status, code) => {
    // Act
    const exception = httpExceptionFor(error);

    // Assess
    expect(exception.getStatus()).toBe(status);
    expect(exception.getResponse()).toEqual({ code, message: error.message, details: error.details });
  });

  it('answers an error without a planned status with a 500 that keeps it as the cause', () => {
    // Prepare
    const error = new UnplannedError('unplanned');

    // Act
    const exception = httpExceptionFor(error);

    // Assess
    expect(exception).toBeInstanceOf(InternalServerErrorException);
    expect(exception.cause).toBe(error);
  });
});
