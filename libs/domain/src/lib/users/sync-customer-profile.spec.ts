import { EventDelivery } from '../events/event-delivery';
import { fixedProgram } from '../ledger/in-memory-ledger.fixture';
import { InMemoryUsers } from './in-memory-users.fixture';
import { RegisterUser } from './register-user';
import { ResolveCustomer } from './resolve-customer';
import { SyncCustomerProfile } from './sync-customer-profile';

const T = 'demo';
const now = new Date('2026-11-21T10:00:00.000Z');
const noQueue = { publish: async () => undefined, markPublished: async () => undefined, pending: async () => [] };

function setUp(program: { createCustomersFromEvents?: boolean } = {}) {
  const users = new InMemoryUsers();
  const register = new RegisterUser(users, { welcomePoints: async () => 100 }, new EventDelivery(noQueue, noQueue), { now: () => now });
  const sync = new SyncCustomerProfile(new ResolveCustomer(users, register, fixedProgram(program), { now: () => now }), users, { now: () => now });
  return { users, register, sync };
}

describe('SyncCustomerProfile', () => {
  it('signs a new customer up with everything the provider sent, birthday included', async () => {
    // Prepare
    const { users, sync } = setUp();

    // Act
    const synced = await sync.execute({
      tenantId: T,
      customer: { source: 'shopify', externalId: '7391', email: 'grace@example.com', phone: '+14155550199', name: 'Grace Hopper' },
      birthday: '12-09',
    });

    // Assess
    expect(synced).toEqual({ ok: true, value: { userId: expect.any(String), resolution: 'created', changed: true } });
    expect(await users.findByExternalId(T, 'shopify', '7391')).toMatchObject({
      email: 'grace@example.com',
      phone: '+14155550199',
      name: 'Grace Hopper',
      birthday: '12-09',
    });
  });

  it("updates the customer the provider's id names, and changes nothing on a redelivery", async () => {
    // Prepare
    const { users, sync } = setUp();
    const customer = { source: 'shopify', externalId: '7391', email: 'grace@example.com', name: 'Grace Hopper' };
    const created = await sync.execute({ tenantId: T, customer });
    const update = { tenantId: T, customer: { ...customer, email: 'Grace.Hopper@Example.com', phone: '+14155550199' } };

    // Act
    const updated = await sync.execute(update);
    const redelivered = await sync.execute(update);

    // Assess
    const userId = created.ok ? created.value.userId : '';
    expect(updated).toEqual({ ok: true, value: { userId, resolution: 'external_id', changed: true } });
    expect(redelivered).toEqual({ ok: true, value: { userId, resolution: 'external_id', changed: false } });
    expect(await users.get(T, userId)).toMatchObject({ email: 'grace.hopper@example.com', phone: '+14155550199', version: 2 });
    expect(await users.findByEmail(T, 'grace@example.com')).toBeUndefined();
  });

  it.each([
    ['email', { email: 'ada@example.com' }],
    ['phone', { phone: '+14155550123' }],
  ])("refuses as a conflict an update that would take another customer's %s", async (field, taken) => {
    // Prepare
    const { users, register, sync } = setUp();
    await register.execute({ tenantId: T, request: { email: 'ada@example.com', name: 'Ada', phone: '+14155550123' } });
    const customer = { source: 'shopify', externalId: '7391', email: 'grace@example.com' };
    const created = await sync.execute({ tenantId: T, customer });

    // Act
    const updated = await sync.execute({ tenantId: T, customer: { ...customer, ...taken } });

    // Assess
    expect(!updated.ok && updated.error).toMatchObject({ code: 'CONFLICT', details: { field } });
    expect(created.ok && (await users.get(T, created.value.userId))).toMatchObject({ email: 'grace@example.com', version: 1 });
  });

  it('refuses a birthday that is no date, and an unknown customer the business does not create', async () => {
    // Prepare
    const { sync } = setUp({ createCustomersFromEvents: false });
    const { sync: creating } = setUp();

    // Act
    const badBirthday = await creating.execute({ tenantId: T, customer: { source: 'shopify', email: 'grace@example.com' }, birthday: '02-30' });
    const notCreated = await sync.execute({ tenantId: T, customer: { source: 'shopify', email: 'grace@example.com' } });

    // Assess
    expect(!badBirthday.ok && badBirthday.error.details).toEqual({ fields: { birthday: expect.any(String) } });
    expect(!notCreated.ok && notCreated.error).toMatchObject({ reason: 'CREATION_DISABLED' });
  });
});
