import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Reads a campaign bound as an ISO instant. Accepted: an instant with an offset or `Z` (taken as is),
 * a local date-time (in `timeZone`) or a date. A start date begins at the first moment of that day
 * and an end date includes its whole last day, however long daylight saving time makes it.
 * Undefined when the text is not a date.
 */
export function resolveCampaignBound(text: string, bound: 'start' | 'end', timeZone: string): string | undefined {
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return undefined;
  const local = DateTime.fromISO(text, { zone: timeZone });
  if (!local.isValid) return undefined;
  const instant = DATE_ONLY.test(text) ? (bound === 'start' ? local.startOf('day') : local.endOf('day')) : local;
  return instant.toUTC().toISO() ?? undefined;
}

/** Both bounds are inclusive: a campaign runs from `startsAt` through `endsAt`. */
export function hasNotStarted(window: { readonly startsAt?: string }, at: Date): boolean {
  return window.startsAt !== undefined && at.getTime() < Date.parse(window.startsAt);
}

export function hasEnded(window: { readonly endsAt?: string }, at: Date): boolean {
  return window.endsAt !== undefined && at.getTime() > Date.parse(window.endsAt);
}
