import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import fc from 'fast-check';
import { brokenBodies, hostilePageQueries } from '../testing/hostile-input.fixture';

/*
 * Requests to the points and orders endpoints that must all be refused: each body breaks at least
 * one rule, each query at least one limit, each id is malformed or names nothing.
 */

const text = fc.string({ maxLength: 200 });
const notANumber = fc.oneof(text, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const notAPositiveInteger = fc.oneof(notANumber, fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.constant(1e12));
const notAReason = fc.oneof(fc.constant(''), fc.constant(undefined), fc.integer(), fc.constant('x'.repeat(501)));

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

export const hostileRedemptions = brokenBodies(fc.constant({ points: 10, reason: 'coffee' }), { points: notAPositiveInteger, reason: notAReason }, ['points', 'reason']);

export const hostileAdjustments = brokenBodies(
  fc.constant({ points: -5, reason: 'typo' }),
  { points: fc.oneof(notANumber, fc.constant(0), fc.double({ noInteger: true }), fc.constant(-1e12)), reason: notAReason },
  ['points', 'reason'],
);

export const hostileOrders = brokenBodies(
  fc.constant({ orderId: 'order_fuzz', userId: 'user_fuzz', amount: 150, currency: 'USD', items: [{ sku: 'tv', price: 150, quantity: 1 }] }),
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
  ['userId', 'amount', 'currency'],
);

export const hostileOrderChanges = brokenBodies(
  fc.constant({ status: 'partially_refunded', refundAmount: 10 }),
  {
    status: fc.oneof(notANumber, fc.constantFrom('completed', 'REFUNDED', 'shipped')),
    refundAmount: fc.oneof(notANumber, fc.constantFrom(0, -5, 10.0001)),
  },
  ['status', 'refundAmount'],
);

export const hostileHistoryQueries = fc.oneof(
  hostilePageQueries,
  fc.record({ type: fc.oneof(text.filter((value) => !['earned', 'pending', 'matured', 'redeemed', 'adjusted', 'reversed', 'expired'].includes(value)), fc.constant('EARNED')) }),
);

export const hostileOrderQueries = fc.oneof(
  // `userId` is a parameter of this list: a well-formed one is a valid query.
  hostilePageQueries.filter((query) => !('userId' in query)),
  fc.record({ status: fc.constantFrom('COMPLETED', 'shipped', '') }),
  fc.record({ userId: malformedIds }),
);
