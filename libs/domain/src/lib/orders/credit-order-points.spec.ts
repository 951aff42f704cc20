import { PointsLedger } from '../ledger/points-ledger';
import { applyPosting, Posting } from '../ledger/posting';
import { ok } from '../shared/result';
import { CreditOrderPoints } from './credit-order-points';

/** Records what the use case asks the ledger to post; persistence is tested against DynamoDB Local. */
class RecordingLedger implements PointsLedger {
  readonly postings: Posting[] = [];

  async post(posting: Posting) {
    this.postings.push(posting);
    const { entry } = applyPosting(undefined, posting, 'txn_1', new Date(0));
    return ok({ entry, duplicate: false });
  }
}

const order = { tenantId: 'demo', orderId: 'order_1', userId: 'user_1', amount: 150, currency: 'USD' };

describe('CreditOrderPoints', () => {
  it('posts the earned points keyed on the order, not on any delivery', async () => {
    // Prepare
    const ledger = new RecordingLedger();

    // Act
    const credited = await new CreditOrderPoints(ledger).execute(order);

    // Assess
    expect(credited).toEqual({
      ok: true,
      value: { orderId: 'order_1', userId: 'user_1', points: 15, entryId: 'txn_1', balanceAfter: 15, duplicate: false },
    });
    expect(ledger.postings).toEqual([
      expect.objectContaining({
        tenantId: 'demo',
        userId: 'user_1',
        idempotencyKey: 'order#order_1#earned',
        type: 'earned',
        points: 15,
        source: { kind: 'order', id: 'order_1' },
      }),
    ]);
  });

  it('fingerprints the payload so a changed amount for the same order is told apart', async () => {
    // Prepare
    const ledger = new RecordingLedger();
    const useCase = new CreditOrderPoints(ledger);

    // Act
    await useCase.execute(order);
    await useCase.execute({ ...order, amount: '150.00' });
    await useCase.execute({ ...order, amount: 151 });

    // Assess
    const [first, same, changed] = ledger.postings.map((posting) => posting.requestHash);
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('rejects an amount that is not money without posting anything', async () => {
    // Prepare
    const ledger = new RecordingLedger();

    // Act
    const credited = await new CreditOrderPoints(ledger).execute({ ...order, amount: 10.001 });

    // Assess
    expect(credited.ok).toBe(false);
    expect(ledger.postings).toHaveLength(0);
  });

  it('applies the configured earn rule', async () => {
    // Act
    const credited = await new CreditOrderPoints(new RecordingLedger(), { points: 2, perAmount: 1 }).execute(order);

    // Assess
    expect(credited.ok && credited.value.points).toBe(300);
  });
});
