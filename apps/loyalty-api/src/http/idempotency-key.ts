import { BadRequestException } from '@nestjs/common';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** 1–255 visible ASCII characters: what UUIDs and the usual client-generated keys are made of. */
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

/** The `Idempotency-Key` header's value, when one was sent; 400 when it is not a usable key. */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new BadRequestException('Idempotency-Key must be one value of 1-255 visible ASCII characters');
  }
  return header;
}
