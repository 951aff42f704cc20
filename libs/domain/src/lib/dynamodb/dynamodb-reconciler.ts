import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReconcileAccounts } from '../ledger/reconcile-accounts';
import { DynamoDbAccountDirectory } from './dynamodb-account-directory';
import { DynamoDbLedgerHistoryReader } from './dynamodb-ledger-history-reader';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';

/** Reconciliation of the accounts stored in this table: each one recomputed from its own entries. */
export function dynamoDbReconciler(client: DynamoDBDocumentClient, tableName: string): ReconcileAccounts {
  return new ReconcileAccounts(
    new DynamoDbAccountDirectory(client, tableName),
    new DynamoDbPointsAccountReader(client, tableName),
    new DynamoDbLedgerHistoryReader(client, tableName),
  );
}
