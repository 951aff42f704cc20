import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** 1–255 visible ASCII characters: what UUIDs and the usual client-generated keys are made of. */
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

/** The `Idempotency-Key` header of a retryable write, if the client sent one. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new BadRequestException('Idempotency-Key must be one value of 1-255 visible ASCII characters');
  }
  return value;
});
