import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../shared/page';
import type { OrderQuery, OrderReader } from '../orders/order-reader';
import type { OrderRecord } from '../orders/order-record';
import { fromItem, keys } from './keys';
import { queryPage } from './query-pages';

/** Orders by id, and newest first per customer (GSI1) or per tenant (GSI2), optionally by status. */
export class DynamoDbOrderReader implements OrderReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getOrder(tenantId: string, orderId: string): Promise<OrderRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.order(tenantId, orderId) }),
    );
    return Item && fromItem<OrderRecord>(Item);
  }

  listOrders(tenantId: string, query: OrderQuery): Promise<Page<OrderRecord>> {
    const index = query.userId ? 'GSI1' : 'GSI2';
    const partition = query.userId ? keys.customerOrders(tenantId, query.userId) : keys.tenantOrders(tenantId);
    return queryPage<OrderRecord>(
      this.client,
      {
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}PK = :partition`,
        ExpressionAttributeValues: { ':partition': partition, ...(query.status && { ':status': query.status }) },
        ...(query.status && { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }),
        ScanIndexForward: false,
      },
      { ...query, keyAttributes: ['PK', 'SK', `${index}PK`, `${index}SK`] },
    );
  }
}
