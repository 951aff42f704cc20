import type {
  AttributeDefinition,
  BillingMode,
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  KeySchemaElement,
  StreamViewType,
  UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb';
import definition from './table-definition.json';

/**
 * The single table's shape. The JSON file is the one source: serverless.yml reads it with
 * `${file(...)}` for CloudFormation; the local stack and the tests create the table from it here.
 * Its keys are CloudFormation's, which CreateTable shares except for the stream and TTL settings.
 */
export const TTL_ATTRIBUTE = definition.TimeToLiveSpecification.AttributeName;

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: definition.BillingMode as BillingMode,
    AttributeDefinitions: definition.AttributeDefinitions as AttributeDefinition[],
    KeySchema: definition.KeySchema as KeySchemaElement[],
    GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes as GlobalSecondaryIndex[],
    StreamSpecification: {
      StreamEnabled: true,
      StreamViewType: definition.StreamSpecification.StreamViewType as StreamViewType,
    },
  };
}

export function timeToLiveInput(tableName: string): UpdateTimeToLiveCommandInput {
  return {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
  };
}
