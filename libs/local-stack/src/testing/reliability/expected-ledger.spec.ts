import { ExpectedLedger } from './expected-ledger';

describe('ExpectedLedger', () => {
  it('credits 1 point per whole 10.00 of an order', () => {
    // Prepare
    const ledger = new ExpectedLedger();

    // Act
    ledger.complete('user_1', 'order_1', '150.00');
    ledger.complete('user_1', 'order_2', '19.99');

    // Assess
    expect(ledger.outcomes()).toEqual({
      user_1: { available: 16, lifetimeEarned: 16, redeemed: 0, entries: 2 },
    });
  });

  it('takes back points in proportion to the money refunded so far, rounded down, and the rest on the last refund', () => {
    // Prepare
    const ledger = new ExpectedLedger();
    ledger.complete('user_1', 'order_1', '100.00');

    // Act
    ledger.refund('order_1', '33.00');
    const afterFirst = ledger.outcomes()['user_1']?.available;
    ledger.refund('order_1', '33.00');
    const afterSecond = ledger.outcomes()['user_1']?.available;
    ledger.refund('order_1');

    // Assess
    expect([afterFirst, afterSecond]).toEqual([7, 4]);
    expect(ledger.outcomes()['user_1']).toEqual({
      available: 0,
      lifetimeEarned: 0,
      redeemed: 0,
      entries: 4,
    });
  });

  it('does nothing for a change to a cancelled order', () => {
    // Prepare
    const ledger = new ExpectedLedger();
    ledger.complete('user_1', 'order_1', '40.00');
    ledger.cancel('order_1');

    // Act
    ledger.refund('order_1');
    ledger.cancel('order_1');

    // Assess
    expect(ledger.outcomes()['user_1']).toEqual({
      available: 0,
      lifetimeEarned: 0,
      redeemed: 0,
      entries: 2,
    });
  });

  it('spends redeemed points from the balance, not from what was earned', () => {
    // Prepare
    const ledger = new ExpectedLedger();
    ledger.complete('user_1', 'order_1', '80.00');

    // Act
    ledger.redeem('user_1', 5);

    // Assess
    expect(ledger.outcomes()['user_1']).toEqual({
      available: 3,
      lifetimeEarned: 8,
      redeemed: 5,
      entries: 2,
    });
  });

  it('tells what a customer earned before refunds', () => {
    // Prepare
    const ledger = new ExpectedLedger();
    ledger.complete('user_1', 'order_1', '80.00');
    ledger.complete('user_1', 'order_2', '20.00');
    ledger.complete('user_2', 'order_3', '50.00');

    // Act
    ledger.cancel('order_2');

    // Assess
    expect(ledger.earnedBy('user_1')).toBe(10);
  });

  it('refuses a change to an order the scenario never completed', () => {
    // Prepare
    const ledger = new ExpectedLedger();

    // Act
    const refund = () => ledger.refund('order_9');

    // Assess
    expect(refund).toThrow('order_9 is changed before it is completed');
  });
});
