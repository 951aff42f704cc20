import { UserFieldValues, userFieldProblems } from '@loyalty/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Validates a field with the domain's own rule for it, and says what a valid value looks like. */
export function IsUserField(field: keyof UserFieldValues, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUserField',
      validator: {
        validate: (value) => problemOf(field, value) === undefined,
        defaultMessage: (args) => `${args?.property} must be ${problemOf(field, args?.value)}`,
      },
    },
    options,
  );
}

function problemOf(field: keyof UserFieldValues, value: unknown): string | undefined {
  if (field !== 'externalIds' && typeof value !== 'string') return 'a string';
  return userFieldProblems({ [field]: value }, new Date())[field];
}
