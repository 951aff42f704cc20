import { BadRequestException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import { PageTokenCodec } from './page-token';

const codec = new PageTokenCodec(
  new ConfigService({ PAGE_TOKEN_SECRET: 'test-page-token-secret-0123456789abcdef' }),
);
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const position = { PK: 'TENANT#demo#USER#user_1', SK: 'ENTRY#txn_01' };

describe('PageTokenCodec', () => {
  it('gives back the position it encoded for the same scope', () => {
    // Act
    const token = codec.encode('demo:history:user_1', position);

    // Assess
    expect(codec.decode('demo:history:user_1', token)).toEqual(position);
  });

  it('has no token for the last page and no position without a token', () => {
    // Act & Assess
    expect(codec.encode('scope', undefined)).toBeUndefined();
    expect(codec.decode('scope', undefined)).toBeUndefined();
  });

  it('refuses a token minted for another tenant, user or filter', () => {
    // Prepare
    const token = codec.encode('demo:history:user_1', position);

    // Act
    const replay = () => codec.decode('other:history:user_1', token);

    // Assess
    expect(replay).toThrow(BadRequestException);
  });

  it.each([
    ['a character appended', (token: string) => `${token} `],
    // The signature's last character carries 2 unused bits: flipping one decodes to the same bytes.
    ['its last character swapped for one that decodes alike', (token: string) => `${token.slice(0, -1)}${BASE64URL[BASE64URL.indexOf(token.at(-1) as string) ^ 1]}`],
  ])('refuses a token with %s', (_case, alter) => {
    // Prepare
    const token = codec.encode('scope', position) as string;

    // Act
    const decode = () => codec.decode('scope', alter(token));

    // Assess
    expect(decode).toThrow(BadRequestException);
  });

  it('refuses any altered token with a 400, never a crash', () => {
    // Prepare
    const token = codec.encode('scope', position) as string;

    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat({ max: token.length }), (noise, at) => {
        // Act
        const tampered = token.slice(0, at) + noise + token.slice(at + 1);
        if (tampered === token) return;
        const decode = () => codec.decode('scope', tampered);

        // Assess
        expect(decode).toThrow(BadRequestException);
      }),
      { numRuns: 2000 },
    );
  });
});
