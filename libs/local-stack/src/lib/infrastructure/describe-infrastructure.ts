import type { LocalRuntimeEnvironment } from '../config/runtime-environment';
import type { LocalInfrastructure } from './local-infrastructure';

/** What a developer needs to know to use the running infrastructure, one line each. */
export function describeInfrastructure(
  infrastructure: LocalInfrastructure,
  dynamoDbDataDir: string | undefined,
): string[] {
  const table = `table ${infrastructure.tableName} ${infrastructure.tableCreation}`;
  const storage = dynamoDbDataDir
    ? `data kept in ${dynamoDbDataDir}`
    : 'in memory';
  const servers =
    infrastructure.servers === 'embedded'
      ? [
          '  Servers           embedded: started here, stopped on exit (LOCAL_SERVERS=external uses running ones)',
          `  DynamoDB Local    ${infrastructure.dynamoDbEndpoint}  (${table}, ${storage})`,
        ]
      : [
          '  Servers           external (LOCAL_SERVERS=external): already running, left running on exit',
          `  DynamoDB          ${infrastructure.dynamoDbEndpoint}  (${table})`,
        ];
  return [
    ...servers,
    `  SQS               ${infrastructure.sqsEndpoint}`,
    `    events queue    ${infrastructure.queues.eventsQueueUrl}`,
    `    dead letters    ${infrastructure.queues.deadLetterQueueUrl}`,
    `    notifications   ${infrastructure.queues.notificationsQueueUrl}`,
    `  S3 (s3rver)       ${infrastructure.s3Endpoint}  (bucket ${infrastructure.webhookBucket}: webhook raw log)`,
  ];
}

/** `export NAME=value` lines, to paste into a shell that runs the apps or tests another way. */
export function describeEnvironment(
  environment: LocalRuntimeEnvironment,
): string[] {
  return Object.entries(environment).map(
    ([name, value]) => `  export ${name}=${value}`,
  );
}
