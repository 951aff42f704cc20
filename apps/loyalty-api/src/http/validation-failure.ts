import { BadRequestException, ValidationError } from '@nestjs/common';
import { ApiErrorResponse } from './api-error';

/**
 * The ValidationPipe's answer: 400 with every problem under `details.fields`, keyed by the field's
 * path (`program.earnRule.points`), the same shape as the domain's validation errors.
 */
export function validationFailure(errors: ValidationError[]): BadRequestException {
  const response: ApiErrorResponse = {
    code: 'VALIDATION_ERROR',
    message: 'Request validation failed',
    details: { fields: fieldProblems(errors) },
  };
  return new BadRequestException(response);
}

function fieldProblems(errors: ValidationError[], parent = ''): Record<string, string> {
  return Object.fromEntries(
    errors.flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const own: [string, string][] = error.constraints
        ? [[path, Object.values(error.constraints).join('; ')]]
        : [];
      return [...own, ...Object.entries(fieldProblems(error.children ?? [], path))];
    }),
  );
}
