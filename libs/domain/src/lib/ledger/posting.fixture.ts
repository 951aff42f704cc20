import { Posting } from './posting';

/** A typical posting for tests: order_1 of user_1 in tenant demo earns 15 points. */
export const orderPosting: Posting = {
  tenantId: 'demo',
  userId: 'user_1',
  idempotencyKey: 'order#order_1#earned',
  requestHash: 'hash',
  type: 'earned',
  points: 15,
  reason: 'Purchase order_1',
  source: { kind: 'order', id: 'order_1' },
};
