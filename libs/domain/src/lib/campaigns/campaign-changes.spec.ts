import { blackFridayBody, campaignFrom, usd } from './campaign.fixture';
import { applyCampaignChanges } from './campaign-changes';

describe('applyCampaignChanges', () => {
  const current = { ...campaignFrom(blackFridayBody, 'camp_bf'), control: 'paused' as const };

  it('merges nested conditions and keeps the id and the owner action', () => {
    // Act
    const changed = applyCampaignChanges(current, { multiplier: 3, conditions: { minAmount: 50 } });

    // Assess
    expect(changed.ok && changed.value).toMatchObject({
      campaignId: 'camp_bf',
      control: 'paused',
      reward: { kind: 'purchase_multiplier', multiplier: 3 },
      conditions: { minAmount: usd(50), categories: ['electronics', 'clothing'] },
      startsAt: '2025-11-24T00:00:00.000Z',
    });
  });

  it('removes a field set to null: the campaign becomes open-ended', () => {
    // Act
    const changed = applyCampaignChanges(current, { endDate: null, conditions: { categories: null } });

    // Assess
    expect(changed.ok && changed.value.endsAt).toBeUndefined();
    expect(changed.ok && changed.value.conditions).toEqual({ minAmount: usd(100) });
  });

  it('validates the merged campaign as a whole', () => {
    // Act
    const changed = applyCampaignChanges(current, { startDate: '2025-12-01' });

    // Assess
    expect(!changed.ok && changed.error.details).toEqual({ fields: { endDate: 'after startDate' } });
  });

  it('keeps the type', () => {
    // Act
    const changed = applyCampaignChanges(current, { type: 'flat_bonus', points: 10 });

    // Assess
    expect(!changed.ok && Object.keys(changed.error.details['fields'] as object)).toEqual(['type']);
  });

  it('rejects changes that are not an object', () => {
    // Act
    const changed = applyCampaignChanges(current, 'multiplier=3');

    // Assess
    expect(changed.ok).toBe(false);
  });
});
