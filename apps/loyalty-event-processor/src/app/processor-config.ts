export interface ProcessorConfig {
  readonly tableName: string;
  /** Where "points expiring soon" notices go; without it they are only logged. */
  readonly notificationsQueueUrl?: string;
}

/** Fails at start-up, not on the first message, when the deployment forgot a setting. */
export function readProcessorConfig(env: NodeJS.ProcessEnv): ProcessorConfig {
  const tableName = env['TABLE_NAME'];
  if (!tableName) throw new Error('TABLE_NAME is not set');
  return { tableName, notificationsQueueUrl: env['NOTIFICATIONS_QUEUE_URL'] || undefined };
}
