import { BadRequestException } from '@nestjs/common';
import { readIdempotencyKey } from './idempotency-key';

describe('readIdempotencyKey', () => {
  it.each([undefined, '0b6f7a52-1d4e-4b9a-8d1e-5c2f3a4b5c6d', 'k', 'x'.repeat(255)])('accepts %p', (header) => {
    // Act
    const key = readIdempotencyKey(header);

    // Assess
    expect(key).toBe(header);
  });

  it.each(['', 'has space', 'x'.repeat(256), 'tab\t', 'ключ', ['a', 'b']])('refuses %p with a 400', (header) => {
    // Act
    const read = () => readIdempotencyKey(header);

    // Assess
    expect(read).toThrow(BadRequestException);
  });
});
