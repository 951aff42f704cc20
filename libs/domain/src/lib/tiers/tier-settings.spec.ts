import { DEFAULT_TIER_SETTINGS, TierSettings, tierSettingsProblems } from './tier-settings';
import { DEFAULT_PROGRAM } from '../program/program-settings';
import { updateProgramSettings } from '../program/program-settings-update';

const spendTiers: TierSettings = {
  basis: 'rolling_12_month_spend',
  currency: 'EUR',
  levels: [
    { id: 'member', threshold: 0, earnMultiplier: 1 },
    { id: 'insider', threshold: 499.99, earnMultiplier: 1.25 },
  ],
  reviewPeriod: 'quarter',
  downgradeGraceDays: 0,
};

describe('tierSettingsProblems', () => {
  it.each([
    ['the default', DEFAULT_TIER_SETTINGS],
    ['spend tiers', spendTiers],
  ])('accepts %s', (_case, settings) => {
    // Act
    const problems = tierSettingsProblems(settings);

    // Assess
    expect(problems).toEqual({});
  });

  it.each([
    ['an unknown basis', { ...DEFAULT_TIER_SETTINGS, basis: 'visits' }, 'tiers.basis'],
    ['spend without a currency', { ...spendTiers, currency: undefined }, 'tiers.currency'],
    ['no levels', { ...DEFAULT_TIER_SETTINGS, levels: [] }, 'tiers.levels'],
    [
      'a first threshold above 0',
      { ...DEFAULT_TIER_SETTINGS, levels: DEFAULT_TIER_SETTINGS.levels.slice(1) },
      'tiers.levels',
    ],
    [
      'decreasing thresholds',
      { ...DEFAULT_TIER_SETTINGS, levels: [...DEFAULT_TIER_SETTINGS.levels].reverse() },
      'tiers.levels',
    ],
    [
      'fractional points',
      {
        ...DEFAULT_TIER_SETTINGS,
        levels: [
          { id: 'a', threshold: 0, earnMultiplier: 1 },
          { id: 'b', threshold: 10.5, earnMultiplier: 1 },
        ],
      },
      'tiers.levels',
    ],
    [
      'amounts finer than cents',
      { ...spendTiers, levels: [spendTiers.levels[0], { id: 'vip', threshold: 10.001, earnMultiplier: 1 }] },
      'tiers.levels',
    ],
    [
      'a duplicate id',
      {
        ...DEFAULT_TIER_SETTINGS,
        levels: [
          { id: 'a', threshold: 0, earnMultiplier: 1 },
          { id: 'a', threshold: 5, earnMultiplier: 1 },
        ],
      },
      'tiers.levels',
    ],
    [
      'a multiplier below 1',
      { ...DEFAULT_TIER_SETTINGS, levels: [{ id: 'a', threshold: 0, earnMultiplier: 0.5 }] },
      'tiers.levels',
    ],
    ['an unknown review period', { ...DEFAULT_TIER_SETTINGS, reviewPeriod: 'week' }, 'tiers.reviewPeriod'],
    ['negative grace days', { ...DEFAULT_TIER_SETTINGS, downgradeGraceDays: -1 }, 'tiers.downgradeGraceDays'],
  ])('rejects %s', (_case, settings, field) => {
    // Act
    const problems = tierSettingsProblems(settings as TierSettings);

    // Assess
    expect(Object.keys(problems)).toEqual([field]);
  });

  it('is part of program settings validation', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { tiers: { ...spendTiers, currency: 'euro' } });

    // Assess
    expect(!updated.ok && updated.error.details).toEqual({
      fields: { 'tiers.currency': 'an ISO 4217 currency code, required for rolling_12_month_spend' },
    });
  });
});
