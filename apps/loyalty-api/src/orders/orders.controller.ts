import { createHash } from 'node:crypto';
import {
  ChangeOrder,
  CompleteOrder,
  moneyToDecimal,
  DynamoDbOrderReader,
  EventLedgerNotificationPublisher,
  newId,
  OrderChange,
  OrderPosting,
  OrderRecord,
  tierNotificationOf,
} from '@loyalty/domain';
import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Patch, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { assertCanActOnCustomer } from '../auth/customer-access';
import type { Principal, Role } from '../auth/principal';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { valueOrThrow } from '../http/domain-errors';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { PageTokenCodec } from '../http/page-token';
import { ChangeOrderBody, CreateOrderBody, ListOrdersQuery, OrderIdParams } from './orders.dto';

const RECORDING_ROLES: Role[] = ['staff', 'owner', 'admin', 'system'];

/** Orders through the same use cases as the platform's events: one crediting and reversal logic. */
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly completeOrder: CompleteOrder,
    private readonly changeOrder: ChangeOrder,
    private readonly orders: DynamoDbOrderReader,
    private readonly pageTokens: PageTokenCodec,
    private readonly notifications: EventLedgerNotificationPublisher,
  ) {}

  /** Idempotent on `orderId` (the business identity) or, without one, on the Idempotency-Key. */
  @Post()
  @HttpCode(201)
  @Roles(...RECORDING_ROLES)
  async create(
    @Body() body: CreateOrderBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentTenant() tenantId: string,
  ) {
    const orderId = body.orderId ?? orderIdFor(idempotencyKey);
    // An order id of the client's is the order's business identity; one derived from the key asks for the same request.
    const identity = body.orderId === undefined && idempotencyKey !== undefined ? 'request' : 'order';
    return this.announced(valueOrThrow(await this.completeOrder.execute({ ...body, orderId, tenantId }, new Date(), identity)));
  }

  @Get(':orderId')
  async get(@Param() { orderId }: OrderIdParams, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    const order = await this.orders.getOrder(tenantId, orderId);
    // A customer learns nothing about other customers' orders, not even that they exist.
    if (!order || (principal.role === 'customer' && order.userId !== principal.sub)) {
      throw new NotFoundException(`Order ${orderId} not found`);
    }
    return orderView(order);
  }

  @Get()
  async list(@Query() query: ListOrdersQuery, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    // A customer lists their own orders; naming someone else is refused like any other access.
    const userId = query.userId ?? (principal.role === 'customer' ? principal.sub : undefined);
    if (userId !== undefined) assertCanActOnCustomer(principal, userId);
    const scope = `${tenantId}:orders:${userId ?? '*'}:${query.status ?? '*'}`;
    const page = await this.orders.listOrders(tenantId, {
      userId,
      status: query.status,
      limit: query.limit,
      after: this.pageTokens.decode(scope, query.nextToken),
    });
    return { orders: page.items.map(orderView), nextToken: this.pageTokens.encode(scope, page.next) ?? null };
  }

  @Patch(':orderId')
  @Roles(...RECORDING_ROLES)
  async change(
    @Param() { orderId }: OrderIdParams,
    @Body() body: ChangeOrderBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentTenant() tenantId: string,
  ) {
    const change = orderChange(body);
    return this.announced(valueOrThrow(await this.changeOrder.execute({ tenantId, orderId, change, refundId: idempotencyKey })));
  }

  /** Tier changes the posting caused go out (also on a repeat: the first answer may not have sent them). */
  private async announced(posting: OrderPosting) {
    const entries = [...(posting.entry ? [posting.entry] : []), ...(posting.related ?? [])];
    const notifications = entries.flatMap(tierNotificationOf);
    if (notifications.length > 0) await this.notifications.publish(notifications);
    return postingView(posting);
  }
}

/**
 * Without an order id of the client's, a retry with the same Idempotency-Key must name the same
 * order: the id is derived from the key (it then does not sort by time); without either, a new id.
 */
function orderIdFor(idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return newId('order');
  return `order_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 26)}`;
}

function orderChange(body: ChangeOrderBody): OrderChange {
  switch (body.status) {
    case 'cancelled':
      return { kind: 'cancel' };
    case 'refunded':
      return { kind: 'refund_all' };
    case 'partially_refunded':
      if (body.refundItems) return { kind: 'refund_items', items: body.refundItems };
      if (body.refundAmount !== undefined) return { kind: 'refund_amount', amount: body.refundAmount };
      throw new BadRequestException('A partial refund needs refundAmount or refundItems');
  }
}

function postingView({ order, entry, duplicate }: OrderPosting) {
  return { ...orderView(order), transaction: entry, duplicate };
}

/** Money back in decimal form, as clients sent it. */
export function orderView(order: OrderRecord) {
  const { amountMinor, refundedMinor, items, ...rest } = order;
  return {
    ...rest,
    amount: moneyToDecimal({ minor: BigInt(amountMinor), currency: order.currency }),
    refundedAmount: moneyToDecimal({ minor: BigInt(refundedMinor), currency: order.currency }),
    items: items.map(({ priceMinor, ...item }) => ({ ...item, price: moneyToDecimal({ minor: BigInt(priceMinor), currency: order.currency }) })),
  };
}
