import {
  AdjustPoints,
  CachedProgramSettingsReader,
  EstimateOrderPoints,
  tierView,
  DynamoDbLedgerHistoryReader,
  DynamoDbPointsAccountReader,
  PostingOutcome,
  RedeemPoints,
} from '@loyalty/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { assertCanActOnCustomer } from '../auth/customer-access';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { valueOrThrow } from '../http/domain-errors';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { PageTokenCodec } from '../http/page-token';
import { NotAudited } from '../audit/not-audited.decorator';
import { CreateOrderBody } from '../orders/orders.dto';
import { AdjustBody, HistoryQueryParams, RedeemBody } from './points.dto';
import { UserIdParams } from './user-id.params';

const EXPIRING_SOON_DAYS = 30;

@Controller('points')
export class PointsController {
  constructor(
    private readonly accounts: DynamoDbPointsAccountReader,
    private readonly history: DynamoDbLedgerHistoryReader,
    private readonly redeemPoints: RedeemPoints,
    private readonly adjustPoints: AdjustPoints,
    private readonly pageTokens: PageTokenCodec,
    private readonly programs: CachedProgramSettingsReader,
    private readonly estimateOrderPoints: EstimateOrderPoints,
  ) {}

  /** Dry run: what this order would earn now, line by line; nothing is written. */
  @Post('estimate')
  @HttpCode(200)
  @NotAudited()
  async estimate(@Body() body: CreateOrderBody, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    assertCanActOnCustomer(principal, body.userId);
    const orderId = body.orderId ?? 'order_estimate';
    return valueOrThrow(await this.estimateOrderPoints.execute({ ...body, orderId, tenantId }));
  }

  @Get(':userId')
  async balance(
    @Param() { userId }: UserIdParams,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    assertCanActOnCustomer(principal, userId);
    const [account, program] = await Promise.all([
      this.accounts.getAccount(tenantId, userId),
      this.programs.getProgram(tenantId),
    ]);
    const horizon = new Date(Date.now() + EXPIRING_SOON_DAYS * 86_400_000).toISOString();
    const expiring = (account?.lots ?? []).filter((lot) => lot.state === 'available' && lot.expiresAt && lot.expiresAt <= horizon);
    return {
      userId,
      balance: account?.available ?? 0,
      pending: account?.pending ?? 0,
      lifetime: account?.lifetimeEarned ?? 0,
      redeemed: account?.redeemed ?? 0,
      expired: account?.expired ?? 0,
      ...tierSummary(tierView(account, program, new Date())),
      expiringSoon: {
        withinDays: EXPIRING_SOON_DAYS,
        points: expiring.reduce((sum, lot) => sum + lot.points, 0),
        lots: expiring.map(({ lotId, points, expiresAt }) => ({ lotId, points, expiresAt })),
      },
    };
  }

  @Get(':userId/history')
  async transactions(
    @Param() { userId }: UserIdParams,
    @Query() query: HistoryQueryParams,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    assertCanActOnCustomer(principal, userId);
    const scope = `${tenantId}:history:${userId}:${query.type ?? '*'}`;
    const page = await this.history.history(tenantId, userId, {
      limit: query.limit,
      type: query.type,
      after: this.pageTokens.decode(scope, query.nextToken),
    });
    return { transactions: page.items, nextToken: this.pageTokens.encode(scope, page.next) ?? null };
  }

  @Post(':userId/redeem')
  @HttpCode(201)
  async redeem(
    @Param() { userId }: UserIdParams,
    @Body() body: RedeemBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    assertCanActOnCustomer(principal, userId);
    const actor = { sub: principal.sub, role: principal.role };
    return postingView(valueOrThrow(await this.redeemPoints.execute({ tenantId, userId, ...body, actor, idempotencyKey })));
  }

  @Post(':userId/adjust')
  @HttpCode(201)
  @Roles('staff', 'owner', 'admin')
  async adjust(
    @Param() { userId }: UserIdParams,
    @Body() body: AdjustBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    const actor = { sub: principal.sub, role: principal.role };
    return postingView(valueOrThrow(await this.adjustPoints.execute({ tenantId, userId, ...body, actor, idempotencyKey })));
  }
}

/** `tier` stays the tier's name (the seed's shape); the progress to the next one sits beside it. */
function tierSummary({ tier, ...progress }: ReturnType<typeof tierView>) {
  return { tier, tierProgress: progress };
}

function postingView({ entry, duplicate }: PostingOutcome) {
  return { transaction: entry, balance: entry?.balanceAfter, duplicate };
}
