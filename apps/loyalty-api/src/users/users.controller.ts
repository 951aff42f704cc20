import { Logger } from '@aws-lambda-powertools/logger';
import {
  applyProfileChanges,
  describeUser,
  DynamoDbPointsAccountReader,
  DynamoDbUserRepository,
  EraseUser,
  normalizeEmail,
  RegisterUser,
  UserProfile,
} from '@loyalty/domain';
import { Body, Controller, Delete, Get, NotFoundException, Param, Patch, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { assertCanActOnCustomer } from '../auth/customer-access';
import type { Principal, Role } from '../auth/principal';
import { CurrentTenant } from '../auth/current-tenant.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { UserIdParams } from '../points/user-id.params';
import { CreateUserBody } from './create-user.body';
import { UpdateUserBody } from './update-user.body';
import { UserLookupQuery } from './user-lookup.query';
import { userResponse } from './user.response';

/** Staff of the business and above act on any customer of their tenant. */
const STAFF_ROLES: Role[] = ['staff', 'owner', 'admin'];

/** Every query runs in the caller's tenant, from their token; no request names a tenant. */
@Controller('users')
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly eraseUser: EraseUser,
    private readonly users: DynamoDbUserRepository,
    private readonly accounts: DynamoDbPointsAccountReader,
    private readonly logger: Logger,
  ) {}

  /** 201 with the customer and the points their signup bonus will credit. */
  // Staff sign customers up in the shop, services (an e-commerce integration) on the customer's behalf.
  @Post()
  @Roles(...STAFF_ROLES, 'system')
  async create(
    @Body() body: CreateUserBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentTenant() tenantId: string,
  ) {
    const signup = await this.registerUser.execute({ tenantId, request: body, idempotencyKey });
    if (!signup.ok) throw signup.error;
    const { user, welcomePoints, eventDeliveryError } = signup.value;
    if (eventDeliveryError) {
      this.logger.warn('user.created could not be published now; it stays in the outbox for the relay', {
        tenantId: user.tenantId,
        userId: user.userId,
        error: eventDeliveryError as Error,
      });
    }
    return { ...userResponse(describeUser(user, undefined)), welcomePoints };
  }

  @Get()
  @Roles(...STAFF_ROLES)
  async findByEmail(@Query() { email }: UserLookupQuery, @CurrentTenant() tenantId: string) {
    const user = await this.users.findByEmail(tenantId, normalizeEmail(email));
    if (!user) throw new NotFoundException('No user of this business has this email');
    return this.overview(user);
  }

  @Get(':userId')
  async get(@Param() { userId }: UserIdParams, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    assertCanActOnCustomer(principal, userId);
    const user = await this.users.get(tenantId, userId);
    if (!user) throw new NotFoundException(`No user ${userId}`);
    return this.overview(user);
  }

  @Patch(':userId')
  async update(
    @Param() { userId }: UserIdParams,
    @Body() body: UpdateUserBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentTenant() tenantId: string,
  ) {
    assertCanActOnCustomer(principal, userId);
    const now = new Date();
    const updated = await this.users.update(tenantId, userId, (current) =>
      applyProfileChanges(current, body, now),
    );
    if (!updated.ok) throw updated.error;
    return this.overview(updated.value);
  }

  /** GDPR access: everything held about the customer. */
  @Get(':userId/export')
  async export(@Param() { userId }: UserIdParams, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    assertCanActOnCustomer(principal, userId);
    const exported = await this.users.exportData(tenantId, userId);
    if (!exported) throw new NotFoundException(`No user ${userId}`);
    return exported;
  }

  /** GDPR erasure; erasing again answers the same. */
  @Delete(':userId')
  async erase(@Param() { userId }: UserIdParams, @CurrentPrincipal() principal: Principal, @CurrentTenant() tenantId: string) {
    assertCanActOnCustomer(principal, userId);
    const erased = await this.eraseUser.execute(tenantId, userId);
    if (!erased.ok) throw erased.error;
    const { status, erasedAt } = erased.value;
    return { userId, status, erasedAt };
  }

  private async overview(user: UserProfile) {
    const account = await this.accounts.getAccount(user.tenantId, user.userId);
    return userResponse(describeUser(user, account));
  }
}
