import { DynamoDbPointsAccountReader } from '@loyalty/domain';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { assertCanActOnCustomer } from '../auth/customer-access';
import type { Principal } from '../auth/principal';
import { UserIdParams } from './user-id.params';

@Controller('points')
export class PointsController {
  constructor(private readonly accounts: DynamoDbPointsAccountReader) {}

  @Get(':userId')
  async balance(
    @Param() { userId }: UserIdParams,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    assertCanActOnCustomer(principal, userId);
    const account = await this.accounts.getAccount(tenantId, userId);
    if (!account) throw new NotFoundException(`No points account for ${userId}`);
    return { userId, balance: account.available, lifetime: account.lifetimeEarned };
  }
}
