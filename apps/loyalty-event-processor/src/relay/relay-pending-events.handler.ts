import { Logger } from '@aws-lambda-powertools/logger';
import { RelayPendingEvents } from '@loyalty/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { RelayModule } from './relay.module';

/** How long an event is left to its producer, which publishes it right after its write. */
export const PRODUCER_GRACE_MS = 60_000;
const BATCH_SIZE = 100;
/** Kept free at the end of a run, so that it stops cleanly before Lambda's timeout. */
const SAFETY_MARGIN_MS = 5_000;

// Created once per Lambda container and reused by every invocation it serves.
let application: Promise<INestApplicationContext> | undefined;

function getApplication(): Promise<INestApplicationContext> {
  application ??= NestFactory.createApplicationContext(RelayModule, { logger: ['error', 'warn'] }).catch(
    (error: unknown) => {
      application = undefined; // let the next invocation try again
      throw error;
    },
  );
  return application;
}

/**
 * Scheduled handler (every minute): publishes the outbox's events that their producer stored but
 * did not get to send. A failed event stays in the outbox and the next run tries again; the run
 * fails then, so that the function's error metric shows it.
 */
export async function relayPendingEventsHandler(_event: ScheduledEvent, context: Context) {
  const app = await getApplication();
  const logger = app.get(Logger);
  logger.addContext(context);
  const relay = app.get(RelayPendingEvents);
  const before = new Date(Date.now() - PRODUCER_GRACE_MS);
  let published = 0;
  const failed: { eventId: string; error: unknown }[] = [];
  for (;;) {
    const report = await relay.execute(before, BATCH_SIZE);
    published += report.published.length;
    failed.push(...report.failed);
    // A batch with failures or less than full leaves nothing this run can publish.
    if (report.published.length < BATCH_SIZE || context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) break;
  }
  if (failed.length > 0) {
    logger.error('Events left in the outbox; the next run tries again', {
      published,
      failed: failed.map(({ eventId, error }) => ({ eventId, error: (error as Error).message })),
    });
    throw new Error(`${failed.length} pending events could not be published`);
  }
  if (published > 0) logger.warn('Published events their producer had not sent', { published });
  return { published };
}
