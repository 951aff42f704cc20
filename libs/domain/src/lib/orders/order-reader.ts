import { Page, PageRequest } from '../shared/page';
import { OrderRecord, OrderStatus } from './order-record';

export interface OrderQuery extends PageRequest {
  readonly userId?: string;
  readonly status?: OrderStatus;
}

/** Port: a tenant's orders, newest first. */
export interface OrderReader {
  getOrder(tenantId: string, orderId: string): Promise<OrderRecord | undefined>;
  listOrders(tenantId: string, query: OrderQuery): Promise<Page<OrderRecord>>;
}
