import fc from 'fast-check';
import { birthdayProblem, E164_PATTERN, externalIdsProblem, nameProblem, normalizeEmail, userFieldProblems } from './user-fields';

const today = new Date('2026-11-21T10:00:00.000Z');

describe('user fields', () => {
  it('normalizes an email by trimming and lower-casing it', () => {
    // Act
    const email = normalizeEmail('  Ada.Lovelace@Example.COM\t');

    // Assess
    expect(email).toBe('ada.lovelace@example.com');
  });

  it.each(['1990-12-10', '2024-02-29', '12-10', '02-29', '1900-01-01', '2026-11-21'])('accepts the birthday %s', (birthday) => {
    // Act
    const problem = birthdayProblem(birthday, today);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each(['2023-02-29', '02-30', '13-01', '1990-1-5', '1899-12-31', '2026-11-22', '10/12/1990', '1990-12-10T00:00:00Z', ''])(
    'rejects the birthday %p',
    (birthday) => {
      // Act
      const problem = birthdayProblem(birthday, today);

      // Assess
      expect(problem).toBe('YYYY-MM-DD or MM-DD, a real date not in the future');
    },
  );

  it.each(['', '   ', 'a'.repeat(201), 'Ada\u0000', 'Ada\nLovelace'])('rejects the name %p', (name) => {
    // Act
    const problem = nameProblem(name);

    // Assess
    expect(problem).toBeDefined();
  });

  it.each([
    [{ shopify: '7391', stripe: 'cus_123' }, true],
    [{}, true],
    [{ Shopify: '7391' }, false],
    [{ shopify: '' }, false],
    [{ shopify: 'has space' }, false],
    [{ shopify: 7391 }, false],
    [Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`p${index}`, 'id'])), false],
    [['shopify'], false],
    ['shopify', false],
    [null, false],
  ])('judges external ids %p valid: %p', (externalIds, valid) => {
    // Act
    const problem = externalIdsProblem(externalIds);

    // Assess
    expect(problem === undefined).toBe(valid);
  });

  it('accepts exactly the E.164 phone numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{1,14}$/), (first, rest) => {
        // Act
        const problems = userFieldProblems({ phone: `+${first}${rest}` }, today);

        // Assess
        expect(problems).toEqual({});
      }),
    );
    for (const phone of ['+0123456', '+1', '14155550123', '+1 415 555 0123', '+1234567890123456', '+1-415-555-0123']) {
      expect(E164_PATTERN.test(phone)).toBe(false);
    }
  });

  it('reports every invalid field at once and only those', () => {
    // Act
    const problems = userFieldProblems(
      { email: 'not-an-email', name: 'Ada', phone: '555-0123', birthday: '1990-12-10', referredBy: 'abc' },
      today,
    );

    // Assess
    expect(Object.keys(problems).sort()).toEqual(['email', 'phone', 'referredBy']);
  });
});
