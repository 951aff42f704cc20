import { EventDelivery } from '../events/event-delivery';
import type { OutboundEvent } from '../events/outbound-event';
import { fixedProgram } from '../ledger/in-memory-ledger.fixture';
import { ok } from '../shared/result';
import { InMemoryUsers } from './in-memory-users.fixture';
import { eraseProfile } from './profile-changes';
import { RegisterUser } from './register-user';
import { ResolveCustomer } from './resolve-customer';
import type { UserProfile } from './user-profile';

const T = 'demo';
const now = new Date('2026-11-21T10:00:00.000Z');

class RecordingQueue {
  readonly published: OutboundEvent[] = [];
  async publish(event: OutboundEvent) {
    this.published.push(event);
  }
  async markPublished() {
    // nothing is kept in this outbox
  }
  async pending() {
    return [];
  }
}

function setUp(program: { createCustomersFromEvents?: boolean } = {}, users = new InMemoryUsers()) {
  const queue = new RecordingQueue();
  const register = new RegisterUser(users, { welcomePoints: async () => 100 }, new EventDelivery(queue, queue), { now: () => now });
  const resolve = new ResolveCustomer(users, register, fixedProgram(program), { now: () => now });
  return { users, queue, register, resolve };
}

async function signUp(register: RegisterUser, request: { email: string; phone?: string; externalIds?: Record<string, string> }) {
  const signup = await register.execute({ tenantId: T, request: { name: 'Ada Lovelace', ...request } });
  if (!signup.ok) throw signup.error;
  return signup.value.user;
}

const activeUsers = (users: InMemoryUsers) => [...users.profiles.values()].filter((profile) => profile.status === 'active');

describe('ResolveCustomer', () => {
  it('takes the user id a producer names as it is', async () => {
    // Prepare
    const { resolve, users } = setUp();

    // Act
    const resolved = await resolve.execute({ tenantId: T, userId: 'user_1' });

    // Assess
    expect(resolved).toEqual({ ok: true, value: { userId: 'user_1', resolution: 'user_id' } });
    expect(users.profiles.size).toBe(0);
  });

  it("finds a customer by the provider's id before the email", async () => {
    // Prepare
    const { resolve, register } = setUp();
    const ada = await signUp(register, { email: 'ada@example.com', externalIds: { shopify: '7391' } });
    await signUp(register, { email: 'other@example.com' });

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'shopify', externalId: '7391', email: 'other@example.com' } });

    // Assess
    expect(resolved).toEqual({ ok: true, value: { userId: ada.userId, resolution: 'external_id' } });
  });

  it("finds a customer by normalized email and links the provider's id to them", async () => {
    // Prepare
    const { resolve, register, users } = setUp();
    const ada = await signUp(register, { email: 'ada@example.com' });

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'shopify', externalId: '7391', email: ' Ada@Example.COM ' } });

    // Assess
    expect(resolved).toEqual({ ok: true, value: { userId: ada.userId, resolution: 'email' } });
    expect(await users.findByExternalId(T, 'shopify', '7391')).toMatchObject({ userId: ada.userId, version: 2, externalIds: { shopify: '7391' } });
  });

  it('keeps the first id of a provider that holds one person twice', async () => {
    // Prepare
    const { resolve, register, users } = setUp();
    const ada = await signUp(register, { email: 'ada@example.com', externalIds: { stripe: 'cus_1' } });

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'stripe', externalId: 'cus_2', email: 'ada@example.com' } });

    // Assess
    expect(resolved).toEqual({ ok: true, value: { userId: ada.userId, resolution: 'email' } });
    expect(await users.get(T, ada.userId)).toMatchObject({ externalIds: { stripe: 'cus_1' }, version: 1 });
  });

  it('signs an unknown customer up like POST /users, named after their email when the provider sends no name', async () => {
    // Prepare
    const { resolve, users, queue } = setUp();

    // Act
    const resolved = await resolve.execute({
      tenantId: T,
      customer: { source: 'shopify', externalId: '7391', email: 'Grace@Example.com', phone: '+14155550199' },
    });

    // Assess
    const [grace] = activeUsers(users);
    expect(resolved).toEqual({ ok: true, value: { userId: grace.userId, resolution: 'created' } });
    expect(grace).toMatchObject({ email: 'grace@example.com', name: 'grace', phone: '+14155550199', externalIds: { shopify: '7391' } });
    expect(queue.published).toEqual([expect.objectContaining({ type: 'user.created', detail: expect.objectContaining({ userId: grace.userId }) })]);
  });

  it('signs up one user for many concurrent events about the same new customer', async () => {
    // Prepare
    const { resolve, users, queue } = setUp();
    const customer = { source: 'shopify', externalId: '7391', email: 'grace@example.com', name: 'Grace Hopper' };

    // Act
    const resolved = await Promise.all(Array.from({ length: 10 }, () => resolve.execute({ tenantId: T, customer })));

    // Assess
    const [grace, ...others] = activeUsers(users);
    expect(others).toEqual([]);
    expect(new Set(resolved.map((result) => result.ok && result.value.userId))).toEqual(new Set([grace.userId]));
    expect(resolved.filter((result) => result.ok && result.value.resolution === 'created')).toHaveLength(1);
    expect(queue.published).toHaveLength(1);
  });

  it('signs a customer up without a phone number another customer has', async () => {
    // Prepare
    const { resolve, register, users } = setUp();
    await signUp(register, { email: 'ada@example.com', phone: '+14155550123' });

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'hubspot', externalId: '51', email: 'grace@example.com', phone: '+14155550123' } });

    // Assess
    const grace = resolved.ok ? await users.get(T, resolved.value.userId) : undefined;
    expect(grace).toMatchObject({ email: 'grace@example.com', externalIds: { hubspot: '51' } });
    expect(grace).not.toHaveProperty('phone');
  });

  it.each([
    ['the business does not create customers from events', { createCustomersFromEvents: false }, { source: 'shopify', email: 'grace@example.com' }, 'CREATION_DISABLED'],
    ['the provider sends no email', {}, { source: 'shopify', externalId: '7391' }, 'NO_EMAIL'],
  ])('refuses an unknown customer when %s, writing nothing', async (_case, program, customer, reason) => {
    // Prepare
    const { resolve, users } = setUp(program);

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer });

    // Assess
    expect(!resolved.ok && resolved.error).toMatchObject({ code: 'CUSTOMER_UNRESOLVED', reason, details: { reason } });
    expect(users.profiles.size).toBe(0);
  });

  it.each([
    ['neither email nor external id', { customer: { source: 'shopify', name: 'Grace' } }, ['customer']],
    ['a malformed reference', { customer: { source: 'Shop ify', externalId: 'a b', email: 'nope', phone: '0123' } }, ['customer.email', 'customer.externalId', 'customer.phone', 'customer.source']],
    ['both a user id and a reference', { userId: 'user_1', customer: { source: 'shopify', email: 'grace@example.com' } }, ['userId']],
    ['no customer at all', {}, ['userId']],
  ])('refuses %s as invalid', async (_case, command, fields) => {
    // Prepare
    const { resolve } = setUp();

    // Act
    const resolved = await resolve.execute({ tenantId: T, ...command });

    // Assess
    expect(!resolved.ok && resolved.error.code).toBe('VALIDATION_ERROR');
    expect(!resolved.ok && Object.keys(resolved.error.details['fields'] as object).sort()).toEqual(fields);
  });

  it('never finds or links an erased customer: the same person is a new customer', async () => {
    // Prepare
    const { resolve, register, users } = setUp();
    const ada = await signUp(register, { email: 'ada@example.com', externalIds: { shopify: '7391' } });
    await users.update(T, ada.userId, (current) => ok(eraseProfile(current, now)));

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'shopify', externalId: '7391', email: 'ada@example.com' } });

    // Assess
    expect(resolved.ok && resolved.value).toMatchObject({ resolution: 'created' });
    expect(resolved.ok && resolved.value.userId).not.toBe(ada.userId);
    expect(await users.get(T, ada.userId)).toMatchObject({ status: 'erased' });
  });

  it('refuses to link a customer erased between finding and linking them', async () => {
    // Prepare
    const users = new InMemoryUsers();
    const { resolve, register } = setUp({}, users);
    const ada = await signUp(register, { email: 'ada@example.com' });
    const found: UserProfile | undefined = await users.findByEmail(T, 'ada@example.com');
    users.findByEmail = async () => found;
    await users.update(T, ada.userId, (current) => ok(eraseProfile(current, now)));

    // Act
    const resolved = await resolve.execute({ tenantId: T, customer: { source: 'shopify', externalId: '7391', email: 'ada@example.com' } });

    // Assess
    expect(!resolved.ok && resolved.error).toMatchObject({ reason: 'ERASED' });
    expect(await users.get(T, ada.userId)).toEqual(expect.not.objectContaining({ externalIds: expect.anything() }));
  });

  it('looks a customer up without linking or signing anyone up', async () => {
    // Prepare
    const { resolve, register, users } = setUp();
    const ada = await signUp(register, { email: 'ada@example.com' });

    // Act
    const known = await resolve.lookUp(T, { source: 'shopify', externalId: '7391', email: 'ada@example.com' });
    const unknown = await resolve.lookUp(T, { source: 'shopify', email: 'grace@example.com' });

    // Assess
    expect(known).toEqual({ ok: true, value: ada });
    expect(unknown).toEqual({ ok: true, value: undefined });
    expect(users.profiles.size).toBe(1);
  });
});
