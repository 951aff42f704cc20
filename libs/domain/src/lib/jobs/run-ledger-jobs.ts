import { dueWork, markNoticesSent } from '../ledger/due-work';
import { expire, mature } from '../ledger/lot-lifecycle';
import { PointsAccountReader } from '../ledger/points-account-reader';
import { LedgerEntry } from '../ledger/ledger-entry';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { ok } from '../shared/result';
import { DueAccount, DueAccountsReader } from './due-accounts-reader';
import { AccountUpdater } from '../ledger/account-updater';
import { reviewAccountTier } from '../ledger/tier-review';
import { TierChanged } from '../tiers/tier-change';
import { LedgerNotificationPublisher } from './ledger-notification';

export interface LedgerJobsSummary {
  accounts: number;
  matured: number;
  expired: number;
  notices: number;
  tierChanges: number;
  /** True when the run stopped at its deadline; the next run continues. */
  incomplete: boolean;
}

type LotJob = typeof mature | typeof expire;

/**
 * The scheduled jobs: mature pending points whose return window passed, expire lots past their date,
 * send "expiring soon" notices and review tiers whose hold ended. Every effect on points is a posting
 * keyed on the lot, so running twice, or two runs at once, changes nothing more than one run;
 * notifications go out at least once, with stable event ids.
 */
export class RunLedgerJobs {
  constructor(
    private readonly due: DueAccountsReader,
    private readonly accounts: PointsAccountReader,
    private readonly programs: ProgramSettingsReader,
    private readonly ledger: PointsLedger,
    private readonly publisher: LedgerNotificationPublisher,
    private readonly updater: AccountUpdater,
  ) {}

  /** `now` is the business time the work is due by; `budgetMs` bounds the run in real time. */
  async execute(now: Date, budgetMs = 60_000): Promise<LedgerJobsSummary> {
    const stopAt = Date.now() + budgetMs;
    const summary: LedgerJobsSummary = { accounts: 0, matured: 0, expired: 0, notices: 0, tierChanges: 0, incomplete: false };
    for await (const account of this.due.dueAccounts(now)) {
      if (Date.now() >= stopAt) {
        summary.incomplete = true;
        break;
      }
      await this.runFor(account, now, summary);
      summary.accounts += 1;
    }
    return summary;
  }

  private async runFor({ tenantId, userId }: DueAccount, now: Date, summary: LedgerJobsSummary): Promise<void> {
    const account = await this.accounts.getAccount(tenantId, userId, { consistent: true });
    if (!account) return;
    const program = await this.programs.getProgram(tenantId);
    const work = dueWork(account, now, program.expiringSoonDays);
    const tierChanges: TierChanged[] = [];
    for (const lot of work.toMature) {
      const entry = await this.postLotJob(tenantId, userId, lot.lotId, 'matured', mature, program);
      if (entry) summary.matured += 1;
      if (entry?.tierChanged) tierChanges.push(entry.tierChanged);
    }
    for (const lot of work.toExpire) {
      if (await this.postLotJob(tenantId, userId, lot.lotId, 'expired', expire, program)) summary.expired += 1;
    }
    if (work.toNotify.length > 0) {
      await this.publisher.publish(
        work.toNotify.map((lot) => ({
          type: 'points.expiring_soon' as const,
          eventId: `points.expiring_soon#${tenantId}#${userId}#${lot.lotId}`,
          tenantId,
          userId,
          lotId: lot.lotId,
          points: lot.points,
          expiresAt: lot.expiresAt as string,
        })),
      );
      const lotIds = work.toNotify.map((lot) => lot.lotId);
      await this.updater.updateAccount(tenantId, userId, (current) => markNoticesSent(current, lotIds, program.expiringSoonDays));
      summary.notices += work.toNotify.length;
    }
    if (work.tierReview) {
      let changed: TierChanged | undefined;
      await this.updater.updateAccount(tenantId, userId, (current) => {
        const reviewed = reviewAccountTier(current, program, now);
        changed = reviewed.changed;
        return reviewed.account;
      });
      if (changed) tierChanges.push(changed);
    }
    if (tierChanges.length > 0) {
      await this.publisher.publish(
        tierChanges.map((change) => ({ ...change, eventId: `tier.changed#${tenantId}#${userId}#${change.occurredAt}` })),
      );
      summary.tierChanges += tierChanges.length;
    }
  }

  private async postLotJob(
    tenantId: string,
    userId: string,
    lotId: string,
    effect: 'matured' | 'expired',
    job: LotJob,
    program: ProgramSettings,
  ): Promise<LedgerEntry | undefined> {
    const posted = await this.ledger.post({
      tenantId,
      userId,
      idempotencyKey: `lot#${lotId}#${effect}`,
      requestHash: fingerprint({ lotId, effect }),
      plan: (state, context) => ok(state.account && job(state.account, lotId, context, program)),
    });
    return posted.ok && !posted.value.duplicate ? posted.value.entry : undefined;
  }
}
