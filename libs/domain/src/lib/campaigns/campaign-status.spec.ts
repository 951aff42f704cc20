import { Campaign, CampaignControl } from './campaign';
import { campaignFrom } from './campaign.fixture';
import { activateCampaign, campaignStatus, pauseCampaign } from './campaign-status';

const window = campaignFrom({
  name: 'Week',
  type: 'flat_bonus',
  points: 5,
  startDate: '2026-05-04',
  endDate: '2026-05-10',
});
const before = new Date('2026-05-03T12:00:00Z');
const during = new Date('2026-05-06T12:00:00Z');
const lastMoment = new Date('2026-05-10T23:59:59.999Z');
const after = new Date('2026-05-11T00:00:00Z');

function withControl(control: CampaignControl): Campaign {
  return { ...window, control };
}

describe('campaignStatus', () => {
  it.each([
    ['live', before, 'scheduled'],
    ['live', during, 'active'],
    ['live', lastMoment, 'active'],
    ['live', after, 'ended'],
    ['draft', during, 'draft'],
    ['draft', after, 'ended'],
    ['paused', before, 'paused'],
    ['paused', during, 'paused'],
    ['paused', after, 'ended'],
  ] as const)('a %s campaign at %s is %s', (control, now, status) => {
    // Act
    const derived = campaignStatus(withControl(control), now);

    // Assess
    expect(derived).toBe(status);
  });

  it('is active from creation without dates', () => {
    // Act
    const status = campaignStatus(campaignFrom({ name: 'Always', type: 'signup_bonus' }), before);

    // Assess
    expect(status).toBe('active');
  });
});

describe('activateCampaign and pauseCampaign', () => {
  it.each([
    ['draft', before, 'scheduled'],
    ['draft', during, 'active'],
    ['paused', during, 'active'],
    ['live', during, 'active'],
  ] as const)('activating a %s campaign makes it %s', (control, now, status) => {
    // Act
    const activated = activateCampaign(withControl(control), now);

    // Assess
    expect(activated.ok && campaignStatus(activated.value, now)).toBe(status);
  });

  it.each([
    ['live', before],
    ['live', during],
    ['paused', during],
  ] as const)('pausing a %s campaign at %s pauses it', (control, now) => {
    // Act
    const paused = pauseCampaign(withControl(control), now);

    // Assess
    expect(paused.ok && campaignStatus(paused.value, now)).toBe('paused');
  });

  it.each([
    ['activate', 'live', after],
    ['activate', 'paused', after],
    ['pause', 'live', after],
    ['pause', 'draft', during],
  ] as const)('refuses to %s a %s campaign at %s', (action, control, now) => {
    // Act
    const result = (action === 'activate' ? activateCampaign : pauseCampaign)(withControl(control), now);

    // Assess
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT');
      expect(result.error.details).toMatchObject({ campaignId: 'camp_1', action });
    }
  });
});
