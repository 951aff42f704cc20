import { Campaign } from './campaign';
import { blackFridayBody, campaignFrom } from './campaign.fixture';
import { CachedCampaignReader } from './cached-campaign-reader';
import { CampaignReader } from './campaign-repository';

/** A source that counts its reads and answers with what the test put in the table. */
function countingSource(campaigns: Record<string, Campaign[]>) {
  const reads: string[] = [];
  const source: CampaignReader = {
    listCampaigns: async (tenantId) => {
      reads.push(tenantId);
      return campaigns[tenantId] ?? [];
    },
  };
  return { source, reads };
}

describe('CachedCampaignReader', () => {
  const blackFriday = campaignFrom(blackFridayBody, 'camp_bf');
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('reads a tenant once within the time to live, and again after it', async () => {
    // Prepare
    const { source, reads } = countingSource({ demo: [blackFriday] });
    const reader = new CachedCampaignReader(source, 30_000, now);

    // Act
    const first = await reader.listCampaigns('demo');
    clock += 29_999;
    const cached = await reader.listCampaigns('demo');
    clock += 1;
    const fresh = await reader.listCampaigns('demo');

    // Assess
    expect(first).toEqual([blackFriday]);
    expect(cached).toBe(first);
    expect(fresh).toEqual([blackFriday]);
    expect(reads).toEqual(['demo', 'demo']);
  });

  it('keeps tenants apart', async () => {
    // Prepare
    const { source, reads } = countingSource({ demo: [blackFriday] });
    const reader = new CachedCampaignReader(source, 30_000, now);

    // Act
    const demo = await reader.listCampaigns('demo');
    const other = await reader.listCampaigns('other');

    // Assess
    expect(demo).toEqual([blackFriday]);
    expect(other).toEqual([]);
    expect(reads).toEqual(['demo', 'other']);
  });

  it('reads again at once after forget, for that tenant only', async () => {
    // Prepare
    const { source, reads } = countingSource({ demo: [blackFriday] });
    const reader = new CachedCampaignReader(source, 30_000, now);
    await reader.listCampaigns('demo');
    await reader.listCampaigns('other');

    // Act
    reader.forget('demo');
    await reader.listCampaigns('demo');
    await reader.listCampaigns('other');

    // Assess
    expect(reads).toEqual(['demo', 'other', 'demo']);
  });

  it('shares one read between concurrent callers', async () => {
    // Prepare
    const { source, reads } = countingSource({ demo: [blackFriday] });
    const reader = new CachedCampaignReader(source, 30_000, now);

    // Act
    const both = await Promise.all([reader.listCampaigns('demo'), reader.listCampaigns('demo')]);

    // Assess
    expect(both).toEqual([[blackFriday], [blackFriday]]);
    expect(reads).toEqual(['demo']);
  });

  it('does not keep a failed read', async () => {
    // Prepare
    let failures = 1;
    const source: CampaignReader = {
      listCampaigns: async () => {
        if (failures-- > 0) throw new Error('table unavailable');
        return [blackFriday];
      },
    };
    const reader = new CachedCampaignReader(source, 30_000, now);

    // Act
    const failed = reader.listCampaigns('demo');
    await expect(failed).rejects.toThrow('table unavailable');
    const retried = await reader.listCampaigns('demo');

    // Assess
    expect(retried).toEqual([blackFriday]);
  });

  it('keeps entries for 30 seconds unless told otherwise', async () => {
    // Prepare
    const { source, reads } = countingSource({ demo: [blackFriday] });
    const realClock = jest.spyOn(Date, 'now').mockReturnValue(clock);
    const reader = new CachedCampaignReader(source);

    // Act
    await reader.listCampaigns('demo');
    realClock.mockReturnValue(clock + 29_999);
    await reader.listCampaigns('demo');
    realClock.mockReturnValue(clock + 30_000);
    await reader.listCampaigns('demo');

    // Assess
    expect(reads).toEqual(['demo', 'demo']);
    realClock.mockRestore();
  });
});
