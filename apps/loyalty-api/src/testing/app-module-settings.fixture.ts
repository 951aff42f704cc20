/**
 * Settings that let the AppModule be imported (it validates them then) where none of them is used:
 * nothing is called, so the table, queues and secrets need not exist.
 */
export function useUnusedAppModuleSettings(): void {
  Object.assign(process.env, {
    TABLE_NAME: 'unused',
    EVENTS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/unused',
    NOTIFICATIONS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/unused-notifications',
    WEBHOOK_BUCKET: 'unused',
    AWS_REGION: 'us-east-1',
    JWT_SECRET: 'unused-app-module-jwt-secret-0123456789',
    PAGE_TOKEN_SECRET: 'unused-app-module-page-secret-0123456789',
  });
}
