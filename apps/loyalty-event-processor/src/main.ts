import 'reflect-metadata';
import {
  BatchProcessor,
  EventType,
  processPartialResponse,
} from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { AwardBirthdayTreats, RunLedgerJobs } from '@loyalty/domain';
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { getProcessorApplication } from './app/processor-application';
import { SqsRecordHandler } from './events/sqs-record-handler';

export { relayPendingEventsHandler } from './relay/relay-pending-events.handler';

// Holds the batch in progress: one per Lambda container, which serves one invocation at a time.
const batch = new BatchProcessor(EventType.SQS);

/** SQS handler: reports failed records only (ReportBatchItemFailures), never the whole batch. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const app = await getProcessorApplication();
  app.get(Logger).addContext(context);
  const records = app.get(SqsRecordHandler);
  return processPartialResponse(event, (record: SQSRecord) => records.handle(record), batch, {
    context,
    throwOnFullBatchFailure: false,
  });
}

/** Seconds kept free at the end of a scheduled run, so it stops cleanly before Lambda's timeout. */
const JOB_SAFETY_MARGIN_MS = 5_000;

/**
 * Scheduled handler (EventBridge schedule): matures pending points, expires lots, sends "expiring
 * soon" notices, reviews tiers and gives birthday treats. Work left at the time limit is picked up
 * by the next run.
 */
export async function ledgerJobsHandler(_event: ScheduledEvent, context: Context) {
  const app = await getProcessorApplication();
  const logger = app.get(Logger);
  logger.addContext(context);
  const budgetMs = Math.max(1_000, context.getRemainingTimeInMillis() - JOB_SAFETY_MARGIN_MS);
  const now = new Date();
  const summary = await app.get(RunLedgerJobs).execute(now, budgetMs);
  const birthdays = await app.get(AwardBirthdayTreats).execute(now);
  logger.info('Ledger jobs ran', { ...summary, birthdayTreats: birthdays.credited });
  return { ...summary, birthdayTreats: birthdays.credited };
}
