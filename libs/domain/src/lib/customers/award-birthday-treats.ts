import { DateTime } from 'luxon';
import { CampaignReader } from '../campaigns/campaign-repository';
import { BirthdayEarningInput } from '../campaigns/earning-input';
import { evaluateBirthday, limitCountersFor } from '../campaigns/evaluate-earning';
import { NO_STATS } from '../ledger/account-stats';
import { PointsAccount } from '../ledger/points-account';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { BirthdayDirectory } from './birthday-directory';
import { campaignAwardPlan } from './campaign-award-plan';

/**
 * Use case (daily, with the ledger jobs): credits the birthday campaigns of customers whose birthday
 * it is in their business's time zone. Time zones span a day either side of UTC, so yesterday's,
 * today's and tomorrow's birthdays are looked at; 29 February is celebrated on the 28th in common
 * years. Once a year per customer: the posting is keyed on the local year and the campaign counts it.
 */
export class AwardBirthdayTreats {
  constructor(
    private readonly birthdays: BirthdayDirectory,
    private readonly ledger: PointsLedger,
    private readonly programs: ProgramSettingsReader,
    private readonly campaigns: CampaignReader,
  ) {}

  async execute(now: Date): Promise<{ credited: number }> {
    let credited = 0;
    for (const monthDay of monthDaysAround(now)) {
      for await (const { tenantId, userId } of this.birthdays.customersBornOn(monthDay)) {
        if (await this.treat(tenantId, userId, monthDay, now)) credited += 1;
      }
    }
    return { credited };
  }

  private async treat(tenantId: string, userId: string, birthday: string, now: Date): Promise<boolean> {
    const [program, campaigns] = await Promise.all([this.programs.getProgram(tenantId), this.campaigns.listCampaigns(tenantId)]);
    if (!campaigns.some((campaign) => campaign.reward.kind === 'birthday')) return false;
    const input = (account: PointsAccount | undefined): Omit<BirthdayEarningInput, 'usage'> => ({
      program,
      campaigns,
      customer: {
        userId,
        birthday,
        completedOrders: account?.stats?.completedOrders ?? NO_STATS.completedOrders,
        lifetimeSpendMinor: BigInt(account?.stats?.spentMinor ?? 0),
      },
      birthday: { at: now },
    });
    const year = DateTime.fromJSDate(now, { zone: program.timeZone }).year;
    const posted = await this.ledger.post<never>({
      tenantId,
      userId,
      idempotencyKey: `birthday#${userId}#${year}`,
      requestHash: fingerprint({ userId, year }),
      countersFor: (state) => limitCountersFor(input(state.account)),
      plan: (state, context) =>
        campaignAwardPlan(
          { tenantId, userId },
          state.account,
          evaluateBirthday({ ...input(state.account), usage: state.counters }),
          'Birthday treat',
          context,
          program,
        ),
    });
    return posted.ok && posted.value.entry !== undefined && !posted.value.duplicate;
  }
}

/** "MM-DD" of yesterday, today and tomorrow in UTC, and 29 February beside a common year's 28th. */
export function monthDaysAround(now: Date): string[] {
  const days = [-1, 0, 1].map((offset) => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days: offset }));
  const monthDays = days.map((day) => day.toFormat('MM-dd'));
  const leapDayCelebrated = days.some((day) => day.toFormat('MM-dd') === '02-28' && !day.isInLeapYear);
  return [...new Set([...monthDays, ...(leapDayCelebrated ? ['02-29'] : [])])];
}
