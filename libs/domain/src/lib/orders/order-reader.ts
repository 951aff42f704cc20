import { Page, PagePosition } from '../ledger/ledger-history-reader';
import { OrderRecord, OrderStatus } from './order-record';

export interface OrderQuery {
  readonly userId?: string;
  readonly status?: OrderStatus;
  readonly limit: number;
  readonly after?: PagePosition;
}

/** Port: a tenant's orders, newest first. */
export interface OrderReader {
  getOrder(tenantId: string, orderId: string): Promise<OrderRecord | undefined>;
  listOrders(tenantId: string, query: OrderQuery): Promise<Page<OrderRecord>>;
}
