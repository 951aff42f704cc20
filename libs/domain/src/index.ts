// Domain core: plain TypeScript, no framework or cloud SDK (enforced by lint).
export * from './lib/shared/domain-error';
export * from './lib/shared/validation-error';
export * from './lib/shared/idempotency-conflict-error';
export * from './lib/shared/concurrency-error';
export * from './lib/shared/not-found-error';
export * from './lib/shared/already-exists-error';
export * from './lib/shared/result';
export * from './lib/shared/ids';
export * from './lib/shared/identifier';
export * from './lib/shared/money';
export * from './lib/points/earn-rule';
export * from './lib/program/program-settings';
export * from './lib/program/program-settings-update';
export * from './lib/program/program-settings-reader';
export * from './lib/program/lot-expiry';
export * from './lib/ledger/ledger-entry';
export * from './lib/ledger/points-account';
export * from './lib/ledger/points-account-reader';
export * from './lib/ledger/points-ledger';
export * from './lib/ledger/posting';
export * from './lib/orders/order-completed';
export * from './lib/orders/credit-order-points';
export * from './lib/events/outbound-event';
export * from './lib/events/event-publisher';
export * from './lib/events/event-outbox';
export * from './lib/events/event-delivery';
export * from './lib/events/relay-pending-events';
export * from './lib/users/user-profile';
export * from './lib/users/user-fields';
export * from './lib/users/referral-code';
export * from './lib/users/user-registration';
export * from './lib/users/profile-changes';
export * from './lib/users/user-erased-error';
export * from './lib/users/user-created-event';
export * from './lib/users/signup-bonus';
export * from './lib/users/default-signup-bonus';
export * from './lib/users/user-data-export';
export * from './lib/users/user-overview';
export * from './lib/users/user-repository';
export * from './lib/users/register-user';

// DynamoDB adapters of the ports above.
export * from './lib/dynamodb/create-table-input';
export * from './lib/dynamodb/document-client';
export * from './lib/dynamodb/keys';
export * from './lib/dynamodb/dynamodb-points-account-reader';
export * from './lib/dynamodb/dynamodb-program-settings-reader';
export * from './lib/dynamodb/dynamodb-points-ledger';
export * from './lib/dynamodb/dynamodb-user-repository';
export * from './lib/dynamodb/dynamodb-event-outbox';
export * from './lib/dynamodb/outbox-item';

// SQS adapter of the event publisher port.
export * from './lib/sqs/sqs-event-publisher';
