import { DEFAULT_PROGRAM } from '../program/program-settings';
import { Tenant } from './tenant';
import { InMemoryTenantRepository } from './in-memory-tenant-repository.fixture';
import { UpdateTenant } from './update-tenant';

const demo: Tenant = {
  tenantId: 'demo',
  name: 'Demo',
  program: DEFAULT_PROGRAM,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const now = () => new Date('2026-11-21T10:00:00.000Z');

function repositoryWith(tenant: Tenant) {
  const tenants = new InMemoryTenantRepository();
  tenants.tenants.set(tenant.tenantId, tenant);
  return tenants;
}

describe('UpdateTenant', () => {
  it('stores the next version and answers with the tenant before and after', async () => {
    // Prepare
    const tenants = repositoryWith(demo);

    // Act
    const updated = await new UpdateTenant(tenants, now).execute('demo', {
      name: 'Demo Store',
      program: { reversalPolicy: 'clamp' },
    });

    // Assess
    const after = {
      ...demo,
      name: 'Demo Store',
      program: { ...DEFAULT_PROGRAM, reversalPolicy: 'clamp' },
      version: 4,
      updatedAt: '2026-11-21T10:00:00.000Z',
    };
    expect(updated).toEqual({ ok: true, value: { before: demo, after } });
    expect(tenants.tenants.get('demo')).toEqual(after);
  });

  it('writes nothing when the change leaves the tenant as it is', async () => {
    // Prepare
    const tenants = repositoryWith(demo);

    // Act
    const updated = await new UpdateTenant(tenants, now).execute('demo', { name: ' Demo ', program: { reversalPolicy: 'allow_negative' } });
    const empty = await new UpdateTenant(tenants, now).execute('demo', {});

    // Assess
    expect(updated).toEqual({ ok: true, value: { before: demo, after: demo } });
    expect(empty).toEqual(updated);
    expect(tenants.tenants.get('demo')).toEqual(demo);
  });

  it('answers NOT_FOUND for a tenant that does not exist', async () => {
    // Act
    const updated = await new UpdateTenant(new InMemoryTenantRepository(), now).execute('ghost', { name: 'x' });

    // Assess
    expect(!updated.ok && updated.error.code).toBe('NOT_FOUND');
  });

  it('changes nothing when a field is invalid', async () => {
    // Prepare
    const tenants = repositoryWith(demo);

    // Act
    const updated = await new UpdateTenant(tenants, now).execute('demo', {
      name: 'Renamed',
      program: { timeZone: 'Nowhere/Else' },
    });

    // Assess
    expect(!updated.ok && updated.error.details).toEqual({ fields: { 'program.timeZone': expect.any(String) } });
    expect(tenants.tenants.get('demo')).toEqual(demo);
  });
});
