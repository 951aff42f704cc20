import { checkEffects, type EntryEffect } from './effects-check';

const earned = (orderId: string, points = 15): EntryEffect => ({
  type: 'earned',
  points,
  source: { kind: 'order', id: orderId },
});
const redeemed = (key: string, points = 5): EntryEffect => ({
  type: 'redeemed',
  points: -points,
  source: { kind: 'redemption', id: key },
});

describe('checkEffects', () => {
  it('finds nothing wrong when each order earned once and each accepted redemption spent once', () => {
    // Prepare
    const entries = [earned('order_1'), earned('order_2'), redeemed('key-1')];

    // Act
    const check = checkEffects(entries, {
      orderIds: ['order_1', 'order_2'],
      redemptionKeys: ['key-1'],
    });

    // Assess
    expect(check).toEqual({
      lost: [],
      doubled: [],
      unexpected: [],
      earnedPoints: 30,
      redeemedPoints: 5,
    });
  });

  it('names an order that earned nothing and an accepted redemption that spent nothing', () => {
    // Prepare
    const entries = [earned('order_1')];

    // Act
    const check = checkEffects(entries, {
      orderIds: ['order_1', 'order_2'],
      redemptionKeys: ['key-1'],
    });

    // Assess
    expect(check.lost).toEqual(['order order_2', 'redemption key-1']);
  });

  it('names an effect written twice', () => {
    // Prepare
    const entries = [
      earned('order_1'),
      earned('order_1'),
      redeemed('key-1'),
      redeemed('key-1'),
    ];

    // Act
    const check = checkEffects(entries, {
      orderIds: ['order_1'],
      redemptionKeys: ['key-1'],
    });

    // Assess
    expect(check.doubled).toEqual([
      'order order_1 (2 entries)',
      'redemption key-1 (2 entries)',
    ]);
  });

  it('names entries no accepted request asked for: a refused redemption that wrote, any other type', () => {
    // Prepare
    const entries = [
      earned('order_1'),
      redeemed('key-refused'),
      { type: 'adjusted', points: 3, source: { kind: 'manual', id: 'adj-1' } },
    ];

    // Act
    const check = checkEffects(entries, {
      orderIds: ['order_1'],
      redemptionKeys: [],
    });

    // Assess
    expect(check.unexpected).toEqual([
      'redemption key-refused',
      'adjusted adj-1',
    ]);
  });
});
