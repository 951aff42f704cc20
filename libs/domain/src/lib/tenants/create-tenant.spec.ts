import { DEFAULT_PROGRAM } from '../program/program-settings';
import { CreateTenant } from './create-tenant';
import { InMemoryTenantRepository } from './in-memory-tenant-repository.fixture';

const now = () => new Date('2026-11-21T10:00:00.000Z');

describe('CreateTenant', () => {
  it('stores version 1 with the defaults for every program setting left out', async () => {
    // Prepare
    const tenants = new InMemoryTenantRepository();

    // Act
    const created = await new CreateTenant(tenants, now).execute({
      tenantId: 'cafe-lumiere',
      name: '  Café Lumière ',
      program: { pendingDays: 14 },
    });

    // Assess
    const expected = {
      tenantId: 'cafe-lumiere',
      name: 'Café Lumière',
      program: { ...DEFAULT_PROGRAM, pendingDays: 14 },
      version: 1,
      createdAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
    };
    expect(created).toEqual({ ok: true, value: expected });
    expect(tenants.tenants.get('cafe-lumiere')).toEqual(expected);
  });

  it('reports every problem with the id, the name and the program in one error', async () => {
    // Prepare
    const tenants = new InMemoryTenantRepository();

    // Act
    const created = await new CreateTenant(tenants, now).execute({
      tenantId: 'TENANT#x',
      name: ' ',
      program: { pendingDays: -1 },
    });

    // Assess
    expect(created.ok).toBe(false);
    expect(!created.ok && created.error.code).toBe('VALIDATION_ERROR');
    expect(!created.ok && created.error.details).toEqual({
      fields: { tenantId: expect.any(String), name: expect.any(String), 'program.pendingDays': expect.any(String) },
    });
    expect(tenants.tenants.size).toBe(0);
  });

  it('refuses an id that is taken and keeps the first tenant', async () => {
    // Prepare
    const tenants = new InMemoryTenantRepository();
    const useCase = new CreateTenant(tenants, now);
    await useCase.execute({ tenantId: 'demo', name: 'First' });

    // Act
    const again = await useCase.execute({ tenantId: 'demo', name: 'Second' });

    // Assess
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(tenants.tenants.get('demo')?.name).toBe('First');
  });
});
