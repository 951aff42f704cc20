import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { EventRejectedError } from './event-rejected-error';

/** Turns an event's `detail` into a validated instance, or rejects it naming every bad field. */
export async function validateDetail<T extends object>(
  type: ClassConstructor<T>,
  detail: Record<string, unknown>,
): Promise<T> {
  const instance = plainToInstance(type, detail);
  const errors = await validate(instance);
  if (errors.length > 0) {
    throw new EventRejectedError(`Invalid ${type.name}`, { fields: describe(errors) });
  }
  return instance;
}

function describe(errors: ValidationError[], parent = ''): Record<string, string[]> {
  return Object.fromEntries(
    errors.flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const own: [string, string[]][] = error.constraints
        ? [[path, Object.values(error.constraints)]]
        : [];
      return [...own, ...Object.entries(describe(error.children ?? [], path))];
    }),
  );
}
