// Naming contract and settings shared with the apps and serverless.yml.
export * from './lib/config/naming';
export * from './lib/config/local-stack-settings';
export * from './lib/config/runtime-environment';
export * from './lib/config/script-contract';

// The local servers and their resources.
export * from './lib/infrastructure/local-infrastructure';
export * from './lib/dynamodb/dynamodb-local';
export * from './lib/dynamodb/ensure-table';
export * from './lib/sqs/sqs-server';
export * from './lib/s3/s3-server';
export * from './lib/sqs/events-queues';
export * from './lib/sqs/find-events-queues';
export * from './lib/aws/local-aws-clients';

// Lambda's SQS event source, emulated for serverless-offline.
export * from './lib/event-source/sqs-event-source';
export * from './lib/event-source/sqs-event';
export * from './lib/event-source/batch-settlement';
export * from './lib/event-source/invoke-function';
export * from './lib/event-source/in-process-function';

// Test helpers.
export * from './lib/events/eventbridge-envelope';
export * from './lib/events/order-completed-event';
export * from './lib/events/order-changed-event';
export * from './lib/net/free-port';
export * from './lib/net/wait-until';
export * from './lib/net/http-probe';
export * from './testing/e2e-local-stack';
export * from './lib/auth/sign-token';
export * from './lib/webhooks/sign-delivery';

// The reliability scenarios: their queues, faults, logs and expected ledger.
export * from './testing/reliability/seeded-random';
export * from './testing/reliability/scenario-queues';
export * from './testing/reliability/invocation-recorder';
export * from './testing/reliability/process-log-capture';
export * from './testing/reliability/dynamodb-fault-injector';
export * from './testing/reliability/expected-ledger';
export * from './testing/reliability/order-event-mix';
export * from './testing/reliability/ledger-outcome';
export * from './testing/reliability/queue-consumer';
