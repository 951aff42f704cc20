import { applyPosting, fingerprint } from './posting';
import { orderPosting as posting } from './posting.fixture';

const now = new Date('2026-11-21T10:00:00.000Z');

describe('applyPosting', () => {
  it('opens an account with the first posting', () => {
    // Act
    const result = applyPosting(undefined, posting, 'txn_1', now);

    // Assess
    expect(result).toEqual({
      entry: {
        entryId: 'txn_1',
        tenantId: 'demo',
        userId: 'user_1',
        type: 'earned',
        points: 15,
        balanceAfter: 15,
        reason: 'Purchase order_1',
        source: { kind: 'order', id: 'order_1' },
        createdAt: '2026-11-21T10:00:00.000Z',
      },
      account: {
        tenantId: 'demo',
        userId: 'user_1',
        available: 15,
        lifetimeEarned: 15,
        version: 1,
        updatedAt: '2026-11-21T10:00:00.000Z',
      },
    });
  });

  it('adds to the running totals and bumps the version', () => {
    // Prepare
    const current = { tenantId: 'demo', userId: 'user_1', available: 40, lifetimeEarned: 70, version: 3, updatedAt: '' };

    // Act
    const { entry, account } = applyPosting(current, posting, 'txn_2', now);

    // Assess
    expect(entry.balanceAfter).toBe(55);
    expect(account).toMatchObject({ available: 55, lifetimeEarned: 85, version: 4 });
  });

  it('counts only earned points as lifetime earnings', () => {
    // Act
    const { account } = applyPosting(undefined, { ...posting, type: 'adjusted', points: -5 }, 'txn_3', now);

    // Assess
    expect(account).toMatchObject({ available: -5, lifetimeEarned: 0 });
  });
});

describe('fingerprint', () => {
  it('ignores key order and notices any changed value', () => {
    // Act
    const first = fingerprint({ a: 1, b: 'x' });
    const reordered = fingerprint({ b: 'x', a: 1 });
    const changed = fingerprint({ a: 2, b: 'x' });

    // Assess
    expect(first).toBe(reordered);
    expect(first).not.toBe(changed);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });
});
