import { isFresh, parseJsonBody, sameSignature, signedByAnySecret } from './webhook-signature';

describe('sameSignature', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['ABC', 'abc', false],
    ['abc', 'abcd', false],
    ['', 'abc', false],
  ])('judges %p against %p as %p', (given, expected, same) => {
    // Act
    const result = sameSignature(given, expected);

    // Assess
    expect(result).toBe(same);
  });
});

describe('signedByAnySecret', () => {
  const sign = (secret: string) => `signed-by-${secret}`;

  it('accepts any signature by any active secret, and none by a blank one', () => {
    // Act
    const results = [
      signedByAnySecret(['old', 'new'], ['signed-by-new'], sign),
      signedByAnySecret(['old', 'new'], ['forged', 'signed-by-old'], sign),
      signedByAnySecret(['old'], ['signed-by-new'], sign),
      signedByAnySecret([' '], ['signed-by- '], sign),
      signedByAnySecret([], ['signed-by-'], sign),
    ];

    // Assess
    expect(results).toEqual([true, true, false, false, false]);
  });
});

describe('isFresh', () => {
  it.each([
    [1000, 1300, true],
    [1000, 1301, false],
    [1300, 1000, true],
    [1301, 1000, false],
  ])('judges a signature of %d at %d with a tolerance of 300 as fresh: %p', (signedAt, now, fresh) => {
    // Act
    const result = isFresh(signedAt, now, 300);

    // Assess
    expect(result).toBe(fresh);
  });
});

describe('parseJsonBody', () => {
  it('reads UTF-8 JSON', () => {
    // Act
    const parsed = parseJsonBody(Buffer.from('{"name":"Zoë"}'), 'test');

    // Assess
    expect(parsed).toEqual({ ok: true, value: { name: 'Zoë' } });
  });

  it.each([
    ['not JSON', Buffer.from('{"name":')],
    ['not UTF-8', Buffer.from([0x22, 0xff, 0xfe, 0x22])],
    ['empty', Buffer.alloc(0)],
  ])('answers MALFORMED for a body that is %s', (_, body) => {
    // Act
    const parsed = parseJsonBody(body, 'test');

    // Assess
    expect(parsed).toMatchObject({ ok: false, error: { reason: 'MALFORMED', code: 'UNAUTHORIZED' } });
  });
});
