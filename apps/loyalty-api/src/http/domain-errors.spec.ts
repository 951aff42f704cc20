import { AlreadyExistsError, ConcurrencyError, DomainError, NotFoundError, ValidationError } from '@loyalty/domain';
import { InternalServerErrorException } from '@nestjs/common';
import { httpExceptionFor } from './domain-errors';

class UnplannedError extends DomainError {
  readonly code = 'UNPLANNED';
  readonly retryable = false;
}

describe('httpExceptionFor', () => {
  it.each([
    [new ValidationError('Invalid user', { fields: { email: 'a valid email address' } }), 400],
    [new NotFoundError('No user user_1', { userId: 'user_1' }), 404],
    [new AlreadyExistsError('Another user of this business has this email', { field: 'email' }), 409],
    [new ConcurrencyError('Lost 8 races'), 409],
  ])('answers %s with %p, its message and details', (error, status) => {
    // Act
    const exception = httpExceptionFor(error);

    // Assess
    expect(exception.getStatus()).toBe(status);
    expect(exception.getResponse()).toEqual({ message: error.message, details: error.details });
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
