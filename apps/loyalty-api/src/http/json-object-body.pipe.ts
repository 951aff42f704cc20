import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Keys that would reach an object's prototype once copied onto an instance. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Every request body is a JSON object, and none of its keys, at any depth, names a prototype
 * member: the DTO validation cannot see those (`constructor` passes as "known") and a bare number
 * or `false` would validate as an empty change.
 */
@Injectable()
export class JsonObjectBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequestException({ message: 'The body must be a JSON object', details: { fields: { body: 'a JSON object' } } });
    }
    const forbidden = forbiddenKeyIn(value);
    if (forbidden !== undefined) {
      throw new BadRequestException({ message: 'Request validation failed', details: { fields: { [forbidden]: `property ${forbidden} should not exist` } } });
    }
    return value;
  }
}

function forbiddenKeyIn(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return at;
    const nested = forbiddenKeyIn((value as Record<string, unknown>)[key], at);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
