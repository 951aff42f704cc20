import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ApiConfig } from '../app/api-config';

@Injectable()
export class DynamoDbHealthIndicator {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly config: ConfigService<ApiConfig, true>,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'dynamodb') {
    const indicator = this.indicators.check(key);
    const tableName = this.config.get('TABLE_NAME', { infer: true });
    try {
      const { Table } = await this.client.send(new DescribeTableCommand({ TableName: tableName }));
      return Table?.TableStatus === 'ACTIVE'
        ? indicator.up({ table: tableName })
        : indicator.down({ table: tableName, tableStatus: Table?.TableStatus });
    } catch (error) {
      return indicator.down({ table: tableName, message: (error as Error).name });
    }
  }
}
