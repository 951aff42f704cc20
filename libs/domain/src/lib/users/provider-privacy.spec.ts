import { EventDelivery } from '../events/event-delivery';
import type { OutboundEvent } from '../events/outbound-event';
import type { LedgerNotification } from '../jobs/ledger-notification';
import { fixedProgram } from '../ledger/in-memory-ledger.fixture';
import type { LedgerEntry } from '../ledger/ledger-entry';
import { EraseUser } from './erase-user';
import { ExportCustomerData } from './export-customer-data';
import { InMemoryUsers } from './in-memory-users.fixture';
import { ProviderErasure } from './provider-erasure';
import { RegisterUser } from './register-user';
import { ResolveCustomer } from './resolve-customer';

const T = 'demo';
const now = new Date('2026-11-21T10:00:00.000Z');
const noQueue = { publish: async () => undefined, markPublished: async () => undefined, pending: async () => [] };

function setUp(options: { usersPerRun?: number; pageSize?: number } = {}) {
  const users = new InMemoryUsers();
  const register = new RegisterUser(users, { welcomePoints: async () => 100 }, new EventDelivery(noQueue, noQueue), { now: () => now });
  const resolve = new ResolveCustomer(users, register, fixedProgram(), { now: () => now });
  const notifications: LedgerNotification[] = [];
  const continued: OutboundEvent[] = [];
  const publisher = { publish: async (sent: readonly LedgerNotification[]) => void notifications.push(...sent) };
  const events = { publish: async (event: OutboundEvent) => void continued.push(event) };
  return {
    users,
    notifications,
    continued,
    signUp: async (email: string, externalIds?: Record<string, string>) => {
      const signup = await register.execute({ tenantId: T, request: { email, name: 'Someone', ...(externalIds && { externalIds }) } });
      if (!signup.ok) throw signup.error;
      return signup.value.user;
    },
    exportData: new ExportCustomerData(resolve, users, publisher),
    erasure: new ProviderErasure(resolve, users, new EraseUser(users, () => now), events, { now: () => now, ...options }),
  };
}

describe('ExportCustomerData', () => {
  it("publishes the customer's GDPR export as customer.data_exported, keyed on the request", async () => {
    // Prepare
    const { signUp, exportData, notifications, users } = setUp();
    const ada = await signUp('ada@example.com', { shopify: '7391' });
    const request = { tenantId: T, eventId: 'req_1', customer: { source: 'shopify', externalId: '7391' } };

    // Act
    const answer = await exportData.execute(request);

    // Assess
    expect(notifications).toEqual([
      {
        type: 'customer.data_exported',
        eventId: 'customer.data_exported#req_1',
        tenantId: T,
        requestEventId: 'req_1',
        customer: request.customer,
        userId: ada.userId,
        data: await users.exportData(T, ada.userId),
      },
    ]);
    expect(answer).toEqual({ ok: true, value: notifications[0] });
  });

  it('answers a request about a customer the program does not know without data, and creates no one', async () => {
    // Prepare
    const { exportData, notifications, users } = setUp();

    // Act
    await exportData.execute({ tenantId: T, eventId: 'req_2', customer: { source: 'shopify', email: 'nobody@example.com' } });

    // Assess
    expect(notifications).toEqual([expect.not.objectContaining({ data: expect.anything() })]);
    expect(notifications[0]).not.toHaveProperty('userId');
    expect(users.profiles.size).toBe(0);
  });

  it('leaves the ledger entries out, and says how many, when the export would not fit one message', async () => {
    // Prepare
    const { signUp, exportData, notifications, users } = setUp();
    const ada = await signUp('ada@example.com');
    const entry = { entryId: 'txn_1', reason: 'x'.repeat(1000) } as unknown as LedgerEntry;
    const exported = await users.exportData(T, ada.userId);
    users.exportData = async () => exported && { ...exported, ledgerEntries: Array(300).fill(entry) };

    // Act
    await exportData.execute({ tenantId: T, eventId: 'req_3', customer: { source: 'shopify', email: 'ada@example.com' } });

    // Assess
    expect(notifications[0]).toMatchObject({ userId: ada.userId, data: { ledgerEntries: [] }, ledgerEntriesOmitted: 300 });
    expect(JSON.stringify(notifications[0]).length).toBeLessThan(256 * 1024);
  });
});

describe('ProviderErasure', () => {
  it('erases the customer a redaction names, and answers an unknown one with nothing to do', async () => {
    // Prepare
    const { signUp, erasure, users } = setUp();
    const ada = await signUp('ada@example.com', { shopify: '7391' });

    // Act
    const erased = await erasure.eraseCustomer({ tenantId: T, eventId: 'e1', customer: { source: 'shopify', externalId: '7391' } });
    const again = await erasure.eraseCustomer({ tenantId: T, eventId: 'e1', customer: { source: 'shopify', externalId: '7391' } });

    // Assess
    expect(erased).toEqual({ ok: true, value: { userId: ada.userId } });
    expect(again).toEqual({ ok: true, value: {} });
    expect(await users.get(T, ada.userId)).toMatchObject({ status: 'erased' });
  });

  it("erases every customer linked to the provider, a bounded number per run, handing the rest to the next run", async () => {
    // Prepare
    const { signUp, erasure, users, continued } = setUp({ usersPerRun: 3, pageSize: 2 });
    const shopify = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name, index) => signUp(`${name}@example.com`, { shopify: String(index) })));
    const other = await signUp('f@example.com', { hubspot: '1' });
    const redaction = { tenantId: T, eventId: 'shop_redact_1', source: 'shopify' };

    // Act
    const first = await erasure.eraseProviderCustomers(redaction);
    const second = await erasure.eraseProviderCustomers(redaction);
    const redelivered = await erasure.eraseProviderCustomers(redaction);

    // Assess
    expect([first, second, redelivered]).toEqual([
      { ok: true, value: { erased: 3, continued: true } },
      { ok: true, value: { erased: 2, continued: false } },
      { ok: true, value: { erased: 0, continued: false } },
    ]);
    expect(continued).toEqual([{ id: expect.stringMatching(/^evt_/), type: 'tenant.redacted', source: 'loyalty.processor', time: now.toISOString(), detail: redaction }]);
    for (const user of shopify) expect(await users.get(T, user.userId)).toMatchObject({ status: 'erased' });
    expect(await users.get(T, other.userId)).toMatchObject({ status: 'active' });
  });

  it('refuses a redaction that names no valid provider', async () => {
    // Prepare
    const { erasure } = setUp();

    // Act
    const refused = await erasure.eraseProviderCustomers({ tenantId: T, eventId: 'e1', source: 'Not A Provider' });

    // Assess
    expect(!refused.ok && refused.error.code).toBe('VALIDATION_ERROR');
  });
});
