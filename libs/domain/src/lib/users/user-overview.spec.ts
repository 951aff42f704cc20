import { ZERO_TOTALS } from '../ledger/totals';
import { describeUser } from './user-overview';
import { ada } from './user.fixture';

describe('describeUser', () => {
  it('shows zero points for a customer without a points account', () => {
    // Act
    const overview = describeUser(ada, undefined);

    // Assess
    expect(overview).toEqual({ profile: ada, points: { balance: 0, pending: 0, lifetime: 0 }, tier: 'bronze', totalSpent: { minor: 0 } });
  });

  it('reads balance and lifetime points from the account', () => {
    // Prepare
    const account = { ...ZERO_TOTALS, tenantId: 'demo', userId: 'user_1', available: 40, pending: 5, lifetimeEarned: 70, lots: [], version: 3, updatedAt: '' };

    // Act
    const overview = describeUser(ada, account);

    // Assess
    expect(overview.points).toEqual({ balance: 40, pending: 5, lifetime: 70 });
  });
});
