import { campaignPage } from './campaign-page';

describe('campaignPage', () => {
  const campaigns = ['camp_01A', 'camp_01C', 'camp_01B', 'camp_01E', 'camp_01D'].map((campaignId) => ({ campaignId }));
  const ids = (page: { items: readonly { campaignId: string }[] }) => page.items.map((campaign) => campaign.campaignId);

  it('pages newest first, each page after the last one, with no position after the last page', () => {
    // Act
    const first = campaignPage(campaigns, 2);
    const second = campaignPage(campaigns, 2, first.next);
    const third = campaignPage(campaigns, 2, second.next);

    // Assess
    expect(ids(first)).toEqual(['camp_01E', 'camp_01D']);
    expect(first.next).toEqual({ campaignId: 'camp_01D' });
    expect(ids(second)).toEqual(['camp_01C', 'camp_01B']);
    expect(ids(third)).toEqual(['camp_01A']);
    expect(third.next).toBeUndefined();
  });

  it('gives no position when the page holds exactly what is left', () => {
    // Act
    const page = campaignPage(campaigns, 5);

    // Assess
    expect(ids(page)).toHaveLength(5);
    expect(page.next).toBeUndefined();
  });

  it('continues after a campaign that has gone from the list meanwhile', () => {
    // Act
    const page = campaignPage(campaigns, 10, { campaignId: 'camp_01Cx' });

    // Assess
    expect(ids(page)).toEqual(['camp_01C', 'camp_01B', 'camp_01A']);
  });
});
