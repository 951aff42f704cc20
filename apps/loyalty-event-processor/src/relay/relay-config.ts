export interface RelayConfig {
  readonly tableName: string;
  readonly eventsQueueUrl: string;
}

/** Fails at start-up, not in the middle of a run, when the deployment forgot a setting. */
export function readRelayConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const tableName = env['TABLE_NAME'];
  const eventsQueueUrl = env['EVENTS_QUEUE_URL'];
  if (!tableName || !eventsQueueUrl) throw new Error('TABLE_NAME and EVENTS_QUEUE_URL must be set');
  return { tableName, eventsQueueUrl };
}
