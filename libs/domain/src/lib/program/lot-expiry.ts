import { DateTime } from 'luxon';
import { ExpiryPolicy } from './program-settings';

/**
 * When points that became available at `availableAt` expire, as an ISO instant (undefined: never).
 * Calendar rules use the business's time zone: points available on day D with "N days" expire when
 * day D+N ends there; "end of month after M months" ends with the month M months after D's month.
 */
export function lotExpiry(policy: ExpiryPolicy, availableAt: Date, timeZone: string): string | undefined {
  const local = DateTime.fromJSDate(availableAt, { zone: timeZone });
  switch (policy.kind) {
    case 'none':
      return undefined;
    case 'days_after_earning':
      return local.startOf('day').plus({ days: policy.days + 1 }).toUTC().toISO() ?? undefined;
    case 'end_of_month_after':
      return local.startOf('month').plus({ months: policy.months + 1 }).toUTC().toISO() ?? undefined;
  }
}
