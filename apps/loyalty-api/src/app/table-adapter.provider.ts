import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiConfig } from './api-config';

/** A DynamoDB adapter of libs/domain, provided under its own class, on the API's table. */
export function tableAdapter<T>(
  adapter: new (client: DynamoDBDocumentClient, tableName: string) => T,
): Provider<T> {
  return {
    provide: adapter,
    inject: [DynamoDBDocumentClient, ConfigService],
    useFactory: (client: DynamoDBDocumentClient, config: ConfigService<ApiConfig, true>) =>
      new adapter(client, config.get('TABLE_NAME', { infer: true })),
  };
}
