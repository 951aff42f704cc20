import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import fc from 'fast-check';

/*
 * Requests to the points and orders endpoints that must all be refused: each body breaks at least
 * one rule, each query at least one limit, each id is malformed or names nothing.
 */

const text = fc.string({ maxLength: 200 });
const notANumber = fc.oneof(text, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const notAPositiveInteger = fc.oneof(notANumber, fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.constant(1e12));
const notAReason = fc.oneof(fc.constant(''), fc.constant(undefined), fc.integer(), fc.constant('x'.repeat(501)));
const unknownField = fc.constantFrom('tenantId', 'balance', 'actor', '__proto__x', 'userid');

/** Ids that cannot be a key: separators, paths, nothing, too long, any other character. */
export const malformedIds = fc.oneof(
  fc.string().filter((value) => !IDENTIFIER_PATTERN.test(value)),
  fc.constantFrom('', '.#', 'user_1#ACCOUNT', 'TENANT#demo', '../orders', '%00', ' ', 'a'.repeat(300)),
);

/** Order ids that name no order of the tenant (not empty: `GET /orders/` is the list). */
export const unknownOrderIds = fc.oneof(
  malformedIds.filter((id) => id.trim() !== ''),
  fc.stringMatching(/^order_[0-9A-HJKMNP-TV-Z]{26}$/),
);

/**
 * One field of a valid body replaced by a bad value, a required field removed, or an unknown field
 * added (removing an optional field would leave a valid body).
 */
function brokenBodies(valid: Record<string, unknown>, bad: Record<string, fc.Arbitrary<unknown>>, optional: readonly string[] = []) {
  const fields = Object.keys(bad);
  const required = fields.filter((field) => !optional.includes(field));
  return fc.oneof(
    fc.constantFrom(...fields).chain((field) => bad[field]!.map((value) => ({ ...valid, [field]: value }))),
    fc.constantFrom(...required).map((field) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== field))),
    fc.tuple(unknownField, fc.jsonValue({ maxDepth: 1 })).map(([field, value]) => ({ ...valid, [field]: value })),
    fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 })),
  );
}

export const hostileRedemptions = brokenBodies({ points: 10, reason: 'coffee' }, { points: notAPositiveInteger, reason: notAReason });

export const hostileAdjustments = brokenBodies(
  { points: -5, reason: 'typo' },
  { points: fc.oneof(notANumber, fc.constant(0), fc.double({ noInteger: true }), fc.constant(-1e12)), reason: notAReason },
);

export const hostileOrders = brokenBodies(
  { orderId: 'order_fuzz', userId: 'user_fuzz', amount: 150, currency: 'USD', items: [{ sku: 'tv', price: 150, quantity: 1 }] },
  {
    orderId: malformedIds,
    userId: malformedIds,
    amount: fc.oneof(notANumber, fc.integer({ max: -1 }), fc.constantFrom(10.0001, 1e300)),
    currency: fc.oneof(notANumber, fc.constantFrom('usd', 'XXX1', 'DOLLARS', '')),
    items: fc.oneof(
      notANumber,
      fc.constant([{ sku: 'tv', price: -1, quantity: 1 }]),
      fc.constant([{ sku: 'tv', price: 1, quantity: 0 }]),
      fc.constant([{ price: 1, quantity: 1 }]),
    ),
  },
  ['orderId', 'items'],
);

export const hostileOrderChanges = brokenBodies(
  { status: 'partially_refunded', refundAmount: 10 },
  {
    status: fc.oneof(notANumber, fc.constantFrom('completed', 'REFUNDED', 'shipped')),
    refundAmount: fc.oneof(notANumber, fc.constantFrom(0, -5, 10.0001)),
  },
);

const badLimit = fc.oneof(fc.constantFrom('0', '101', '-1', '1.5', 'abc', ''), fc.array(fc.constant('5'), { minLength: 2, maxLength: 2 }));

export const hostileHistoryQueries = fc.oneof(
  fc.record({ limit: badLimit }),
  fc.record({ type: fc.oneof(text.filter((value) => !['earned', 'pending', 'matured', 'redeemed', 'adjusted', 'reversed', 'expired'].includes(value)), fc.constant('EARNED')) }),
  fc.record({ nextToken: fc.oneof(fc.string({ minLength: 1 }), fc.constant('eyJQSyI6IlRFTkFOVCNvdGhlciJ9.c2ln')) }),
  fc.tuple(unknownField, text).map(([field, value]) => ({ [field]: value })),
);

export const hostileOrderQueries = fc.oneof(
  fc.record({ limit: badLimit }),
  fc.record({ status: fc.constantFrom('COMPLETED', 'shipped', '') }),
  fc.record({ userId: malformedIds }),
  fc.record({ nextToken: fc.string({ minLength: 1 }) }),
);
