// Domain core: plain TypeScript, no framework or cloud SDK (enforced by lint).
export * from './lib/shared/domain-error';
export * from './lib/shared/validation-error';
export * from './lib/shared/idempotency-conflict-error';
export * from './lib/shared/concurrency-error';
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
export * from './lib/tiers/tier-settings';
export * from './lib/tiers/tier-standing';
export * from './lib/tiers/tier-change';

// DynamoDB adapters of the ports above.
export * from './lib/dynamodb/create-table-input';
export * from './lib/dynamodb/document-client';
export * from './lib/dynamodb/keys';
export * from './lib/dynamodb/dynamodb-points-account-reader';
export * from './lib/dynamodb/dynamodb-program-settings-reader';
export * from './lib/dynamodb/dynamodb-points-ledger';
