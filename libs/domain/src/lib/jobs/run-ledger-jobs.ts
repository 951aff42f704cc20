import { dueWork } from '../ledger/due-work';
import { expire, mature } from '../ledger/lot-lifecycle';
import { PointsAccountReader } from '../ledger/points-account-reader';
import { PointsLedger } from '../ledger/points-ledger';
import { fingerprint } from '../ledger/posting';
import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { ok } from '../shared/result';
import { DueAccount, DueAccountsReader } from './due-accounts-reader';
import { ExpiryNoticePublisher } from './expiry-notice-publisher';
import { ExpiryNoticeRecorder } from './expiry-notice-recorder';

export interface LedgerJobsSummary {
  accounts: number;
  matured: number;
  expired: number;
  notices: number;
  /** True when the run stopped at its deadline; the next run continues. */
  incomplete: boolean;
}

type LotJob = typeof mature | typeof expire;

/**
 * The scheduled jobs: mature pending points whose return window passed, expire lots past their date,
 * and send "expiring soon" notices. Every effect is a posting keyed on the lot, so running twice, or
 * two runs at once, changes nothing more than one run.
 */
export class RunLedgerJobs {
  constructor(
    private readonly due: DueAccountsReader,
    private readonly accounts: PointsAccountReader,
    private readonly programs: ProgramSettingsReader,
    private readonly ledger: PointsLedger,
    private readonly publisher: ExpiryNoticePublisher,
    private readonly notices: ExpiryNoticeRecorder,
  ) {}

  /** `now` is the business time the work is due by; `budgetMs` bounds the run in real time. */
  async execute(now: Date, budgetMs = 60_000): Promise<LedgerJobsSummary> {
    const stopAt = Date.now() + budgetMs;
    const summary: LedgerJobsSummary = { accounts: 0, matured: 0, expired: 0, notices: 0, incomplete: false };
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
    for (const lot of work.toMature) {
      if (await this.postLotJob(tenantId, userId, lot.lotId, 'matured', mature, program)) summary.matured += 1;
    }
    for (const lot of work.toExpire) {
      if (await this.postLotJob(tenantId, userId, lot.lotId, 'expired', expire, program)) summary.expired += 1;
    }
    if (work.toNotify.length > 0) {
      await this.publisher.publish(
        work.toNotify.map((lot) => ({
          eventId: `points.expiring_soon#${tenantId}#${userId}#${lot.lotId}`,
          tenantId,
          userId,
          lotId: lot.lotId,
          points: lot.points,
          expiresAt: lot.expiresAt as string,
        })),
      );
      await this.notices.recordNoticesSent(tenantId, userId, work.toNotify.map((lot) => lot.lotId), program.expiringSoonDays);
      summary.notices += work.toNotify.length;
    }
  }

  private async postLotJob(
    tenantId: string,
    userId: string,
    lotId: string,
    effect: 'matured' | 'expired',
    job: LotJob,
    program: ProgramSettings,
  ): Promise<boolean> {
    const posted = await this.ledger.post({
      tenantId,
      userId,
      idempotencyKey: `lot#${lotId}#${effect}`,
      requestHash: fingerprint({ lotId, effect }),
      plan: (state, context) => ok(state.account && job(state.account, lotId, context, program)),
    });
    return posted.ok && posted.value.entry !== undefined && !posted.value.duplicate;
  }
}
