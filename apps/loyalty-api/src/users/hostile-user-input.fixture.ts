import { E164_PATTERN } from '@loyalty/domain';
import fc from 'fast-check';
import { brokenBodies, notAnObject, unknownFields } from '../testing/hostile-input.fixture';

/*
 * Requests to the users endpoints that must all be refused: every body breaks at least one rule
 * (a field's value, a missing required field, an unknown field, no JSON object at all).
 */

const text = fc.string({ maxLength: 300 });
const notAStringOrNull = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const notAString = fc.oneof(notAStringOrNull, fc.constant(null));

/** For each field, values its rule refuses; `nullable` fields may be null (that removes them). */
const invalidValues = (nullable: readonly string[] = []) => {
  const wrongType = (field: string) => (nullable.includes(field) ? notAStringOrNull : notAString);
  return {
    email: fc.oneof(wrongType('email'), text.filter((value) => !value.includes('@')), fc.constantFrom('ada@', '@example.com', 'ada@example', 'a b@example.com')),
    name: fc.oneof(wrongType('name'), fc.constantFrom('', '   ', 'x'.repeat(201), 'Ada\u0000', 'Ada\nKing')),
    phone: fc.oneof(wrongType('phone'), text.filter((value) => !E164_PATTERN.test(value))),
    birthday: fc.oneof(
      wrongType('birthday'),
      text.filter((value) => !/^(\d{4}-)?\d{2}-\d{2}$/.test(value)),
      fc.constantFrom('2023-02-29', '02-30', '13-01', '00-10', '1899-12-31', '2999-01-01'),
    ),
    referredBy: fc.oneof(wrongType('referredBy'), text.filter((value) => !/^\s*[0-9A-Za-z]{8}\s*$/.test(value))),
    externalIds: fc.oneof(
      notAnObject,
      fc.dictionary(fc.constantFrom('', 'Shopify', 'a b', 'x'.repeat(40)), fc.string(), { minKeys: 1, maxKeys: 2 }),
      fc.dictionary(fc.constantFrom('shopify', 'stripe'), fc.oneof(fc.constant(''), fc.integer(), fc.constant('has space')), { minKeys: 1 }),
    ),
  };
};

const validValues = {
  email: fc.emailAddress(),
  name: fc.constantFrom('Ada Lovelace', 'Grace Hopper', 'Zoë Ångström'),
  phone: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
  birthday: fc.constantFrom('1990-12-10', '02-29', '2000-01-01'),
};

export const hostileSignups = brokenBodies(
  fc.record(validValues, { requiredKeys: ['email', 'name'] }),
  invalidValues(),
  ['email', 'name'],
);

/** Changes to refuse; an empty change is refused too ("nothing to change"). */
export const hostileProfileChanges = fc.oneof(
  fc.constant({}),
  brokenBodies(fc.record(validValues, { requiredKeys: [] }), invalidValues(['phone', 'birthday']), []),
);

export const hostileLookups = fc.oneof(
  fc.constant({}),
  fc.record({ email: fc.oneof(invalidValues().email.filter((value) => typeof value === 'string'), fc.array(fc.emailAddress(), { minLength: 2, maxLength: 2 })) }),
  fc.tuple(fc.record({ email: fc.emailAddress() }), unknownFields(['email'])).map(([query, extra]) => ({ ...query, ...extra })),
  // A well-formed email nobody has: 404.
  fc.record({ email: fc.emailAddress() }),
);

/** User ids that name nobody: random text, ids of the right shape, attempts at key separators and paths. */
export const unknownUserIds = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^user_[0-9A-HJKMNP-TV-Z]{26}$/),
  fc.constantFrom('', '.', '..', '../users', 'user_1#PROFILE', 'TENANT#demo', '%00', ' ', 'a'.repeat(300)),
);
