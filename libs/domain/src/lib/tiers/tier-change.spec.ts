import { decideTierChange, TierDecisionInput } from './tier-change';
import { DEFAULT_TIER_SETTINGS } from './tier-settings';

function decide(overrides: Partial<TierDecisionInput>) {
  return decideTierChange({
    tenantId: 'demo',
    userId: 'user_1',
    settings: DEFAULT_TIER_SETTINGS,
    timeZone: 'Europe/Paris',
    current: { tier: 'silver', heldUntil: '2026-01-30T23:00:00.000Z' },
    standing: { lifetimePoints: 1_500 },
    now: new Date('2025-06-15T10:00:00Z'),
    ...overrides,
  });
}

describe('decideTierChange', () => {
  it('upgrades at once and holds the new tier to the end of the year plus 30 days, in Paris', () => {
    // Act
    const decision = decide({ standing: { lifetimePoints: 5_000 } });

    // Assess
    expect(decision).toEqual({
      state: { tier: 'gold', heldUntil: '2026-01-30T23:00:00.000Z' },
      changed: {
        type: 'tier.changed',
        tenantId: 'demo',
        userId: 'user_1',
        from: 'silver',
        to: 'gold',
        direction: 'upgrade',
        basis: 'lifetime_points',
        heldUntil: '2026-01-30T23:00:00.000Z',
        occurredAt: '2025-06-15T10:00:00.000Z',
      },
    });
  });

  it('keeps a tier the customer still qualifies for, extending its hold into the next period', () => {
    // Act
    const decision = decide({ now: new Date('2026-01-10T10:00:00Z') });

    // Assess
    expect(decision).toEqual({ state: { tier: 'silver', heldUntil: '2027-01-30T23:00:00.000Z' } });
  });

  it.each([
    ['during the year', '2025-06-15T10:00:00Z'],
    ['after the year ends, within the grace days', '2026-01-30T22:59:59Z'],
  ])('does not downgrade %s', (_case, now) => {
    // Act
    const decision = decide({ standing: { lifetimePoints: 10 }, now: new Date(now) });

    // Assess
    expect(decision).toEqual({ state: { tier: 'silver', heldUntil: '2026-01-30T23:00:00.000Z' } });
  });

  it('downgrades to the tier reached once the grace days are over', () => {
    // Act
    const decision = decide({
      current: { tier: 'platinum', heldUntil: '2026-01-30T23:00:00.000Z' },
      standing: { lifetimePoints: 1_200 },
      now: new Date('2026-01-30T23:00:00Z'),
    });

    // Assess
    expect(decision.state).toEqual({ tier: 'silver', heldUntil: '2027-01-30T23:00:00.000Z' });
    expect(decision.changed).toMatchObject({ from: 'platinum', to: 'silver', direction: 'downgrade' });
  });

  it('holds rather than downgrades a customer who has no hold yet', () => {
    // Act
    const decision = decide({ current: { tier: 'gold' }, standing: { lifetimePoints: 0 } });

    // Assess
    expect(decision).toEqual({ state: { tier: 'gold', heldUntil: '2026-01-30T23:00:00.000Z' } });
  });

  it('moves a customer out of a tier the settings no longer have', () => {
    // Act
    const decision = decide({ current: { tier: 'diamond' }, standing: { lifetimePoints: 1_000 } });

    // Assess
    expect(decision.changed).toMatchObject({ from: 'diamond', to: 'silver' });
  });

  it('ends quarterly review periods at local midnight across daylight saving time', () => {
    // Act
    const decision = decide({
      settings: { ...DEFAULT_TIER_SETTINGS, reviewPeriod: 'quarter', downgradeGraceDays: 0 },
      timeZone: 'America/New_York',
      current: { tier: 'bronze' },
      standing: { lifetimePoints: 1_000 },
      now: new Date('2026-02-10T12:00:00Z'),
    });

    // Assess: 1 April 2026 00:00 in New York is EDT (UTC-4).
    expect(decision.state.heldUntil).toBe('2026-04-01T04:00:00.000Z');
  });
});
