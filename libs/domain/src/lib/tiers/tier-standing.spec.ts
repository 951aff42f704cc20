import { DEFAULT_TIER_SETTINGS, TierSettings } from './tier-settings';
import { qualifyingTier, tierProgress } from './tier-standing';

const spendTiers: TierSettings = {
  basis: 'rolling_12_month_spend',
  currency: 'USD',
  levels: [
    { id: 'member', threshold: 0, earnMultiplier: 1 },
    { id: 'insider', threshold: 500, earnMultiplier: 1.25 },
  ],
  reviewPeriod: 'year',
  downgradeGraceDays: 30,
};

describe('qualifyingTier', () => {
  it.each([
    [0, 'bronze'],
    [999, 'bronze'],
    [1_000, 'silver'],
    [4_999, 'silver'],
    [5_000, 'gold'],
    [10_000, 'platinum'],
    [1_000_000, 'platinum'],
  ])('%p lifetime points reach %s by default', (lifetimePoints, tier) => {
    // Act
    const level = qualifyingTier(DEFAULT_TIER_SETTINGS, { lifetimePoints });

    // Assess
    expect(level.id).toBe(tier);
  });

  it('measures rolling spend in minor units of the settings currency', () => {
    // Act
    const below = qualifyingTier(spendTiers, {
      lifetimePoints: 99_999,
      rolling12MonthSpend: { minor: 49_999n, currency: 'USD' },
    });
    const at = qualifyingTier(spendTiers, {
      lifetimePoints: 0,
      rolling12MonthSpend: { minor: 50_000n, currency: 'USD' },
    });

    // Assess
    expect([below.id, at.id]).toEqual(['member', 'insider']);
  });

  it('refuses spend in another currency', () => {
    // Act
    const measure = () =>
      qualifyingTier(spendTiers, { lifetimePoints: 0, rolling12MonthSpend: { minor: 1n, currency: 'EUR' } });

    // Assess
    expect(measure).toThrow('Tiers measure spend in USD, not EUR');
  });
});

describe('tierProgress', () => {
  it.each([
    ['bronze', 250, { tier: 'bronze', next: 'silver', pointsToNext: 750 }],
    ['silver', 4_000, { tier: 'silver', next: 'gold', pointsToNext: 1_000 }],
    ['platinum', 12_000, { tier: 'platinum' }],
    // A grace period holds gold although the standing no longer reaches it.
    ['gold', 3_000, { tier: 'gold', next: 'platinum', pointsToNext: 7_000 }],
    [undefined, 1_200, { tier: 'silver', next: 'gold', pointsToNext: 3_800 }],
  ])('from %s with %p points', (tier, lifetimePoints, progress) => {
    // Act
    const computed = tierProgress(DEFAULT_TIER_SETTINGS, tier, { lifetimePoints });

    // Assess
    expect(computed).toEqual(progress);
  });

  it('gives spend tiers the amount still to spend', () => {
    // Act
    const progress = tierProgress(spendTiers, 'member', {
      lifetimePoints: 0,
      rolling12MonthSpend: { minor: 12_550n, currency: 'USD' },
    });

    // Assess
    expect(progress).toEqual({ tier: 'member', next: 'insider', spendToNext: { minor: 37_450n, currency: 'USD' } });
  });
});
