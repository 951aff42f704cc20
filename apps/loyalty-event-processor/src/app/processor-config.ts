export interface ProcessorConfig {
  readonly tableName: string;
  /** Where `user.created` of customers signed up from provider events goes, and the rest of a large redaction. */
  readonly eventsQueueUrl: string;
  /** Where `points.expiring_soon` and `tier.changed` go (for whatever sends emails or pushes). */
  readonly notificationsQueueUrl: string;
  /** The events queue's redrive limit, when known: a failure on that receive is the message's last. */
  readonly eventsMaxReceiveCount?: number;
}

/** Fails at start-up, not on the first message, when the deployment forgot a setting. */
export function readProcessorConfig(env: NodeJS.ProcessEnv): ProcessorConfig {
  const tableName = env['TABLE_NAME'];
  if (!tableName) throw new Error('TABLE_NAME is not set');
  const eventsQueueUrl = env['EVENTS_QUEUE_URL'];
  if (!eventsQueueUrl) throw new Error('EVENTS_QUEUE_URL is not set');
  const notificationsQueueUrl = env['NOTIFICATIONS_QUEUE_URL'];
  if (!notificationsQueueUrl) throw new Error('NOTIFICATIONS_QUEUE_URL is not set');
  const maxReceiveCount = env['EVENTS_MAX_RECEIVE_COUNT'];
  if (maxReceiveCount !== undefined && !/^[1-9][0-9]{0,2}$/.test(maxReceiveCount)) {
    throw new Error('EVENTS_MAX_RECEIVE_COUNT must be a whole number from 1 to 999');
  }
  const eventsMaxReceiveCount = maxReceiveCount === undefined ? undefined : Number(maxReceiveCount);
  return { tableName, eventsQueueUrl, notificationsQueueUrl, eventsMaxReceiveCount };
}
