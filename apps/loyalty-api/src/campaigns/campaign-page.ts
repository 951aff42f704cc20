import type { Page, PagePosition } from '@loyalty/domain';

/**
 * One page of a tenant's campaigns, newest first (ids are ULIDs: text order is creation order),
 * after the last campaign of the previous page. A tenant has few campaigns and their status depends
 * on the time, so they are read whole, filtered and paged here rather than in the table.
 */
export function campaignPage<T extends { readonly campaignId: string }>(
  campaigns: readonly T[],
  limit: number,
  after?: PagePosition,
): Page<T> {
  const afterId = after?.['campaignId'];
  // Ids are unique within a tenant: no two compare equal.
  const newestFirst = [...campaigns].sort((a, b) => (a.campaignId < b.campaignId ? 1 : -1));
  const rest = typeof afterId === 'string' ? newestFirst.filter((campaign) => campaign.campaignId < afterId) : newestFirst;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return { items, ...(rest.length > limit && last && { next: { campaignId: last.campaignId } }) };
}
