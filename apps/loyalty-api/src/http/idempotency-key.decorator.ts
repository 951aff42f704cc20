import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The `Idempotency-Key` header of a retryable write, if the client sent one. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new BadRequestException('Idempotency-Key must be 1-128 letters, digits, _ . : -');
  }
  return value;
});
