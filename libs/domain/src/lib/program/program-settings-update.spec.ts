import { DEFAULT_PROGRAM } from './program-settings';
import { updateProgramSettings } from './program-settings-update';

describe('updateProgramSettings', () => {
  it('changes the given fields and keeps the others', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, {
      earnRule: { points: 2, perAmount: 5 },
      expiry: { kind: 'days_after_earning', days: 365 },
    });

    // Assess
    expect(updated).toEqual({
      ok: true,
      value: { ...DEFAULT_PROGRAM, earnRule: { points: 2, perAmount: 5 }, expiry: { kind: 'days_after_earning', days: 365 } },
    });
  });

  it('treats a field given as undefined as not given', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { pendingDays: 14, timeZone: undefined });

    // Assess
    expect(updated).toEqual({ ok: true, value: { ...DEFAULT_PROGRAM, pendingDays: 14 } });
  });

  it('gives back plain data of the known fields only, whatever object it was given', () => {
    // Prepare
    class EarnRuleInput {
      constructor(
        readonly points: number,
        readonly perAmount: number,
      ) {}
    }
    const update = { earnRule: new EarnRuleInput(3, 10), expiry: { kind: 'none' as const, days: undefined } };

    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, update);

    // Assess
    expect(updated.ok && updated.value.earnRule).toStrictEqual({ points: 3, perAmount: 10 });
    expect(updated.ok && updated.value.expiry).toStrictEqual({ kind: 'none' });
  });

  it.each([
    [{ kind: 'none', days: 30 }],
    [{ kind: 'days_after_earning', days: 30, months: 2 }],
    [{ kind: 'end_of_month_after' }],
    [{ kind: 'days_after_earning', days: 0 }],
    [{ kind: 'forever' }],
  ])('refuses the expiry policy %j', (expiry) => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { expiry: expiry as never });

    // Assess
    expect(updated.ok).toBe(false);
    expect(!updated.ok && updated.error.details).toEqual({ fields: { expiry: expect.any(String) } });
  });

  it('lists every invalid field at once', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, {
      earnRule: null as never,
      pendingDays: 1.5,
      reversalPolicy: 'forgive' as never,
      expiringSoonDays: 0,
      timeZone: 'Mars/Olympus',
      createCustomersFromEvents: 'yes' as never,
    });

    // Assess
    expect(!updated.ok && Object.keys(updated.error.details['fields'] as object).sort()).toEqual([
      'createCustomersFromEvents',
      'earnRule',
      'expiringSoonDays',
      'pendingDays',
      'reversalPolicy',
      'timeZone',
    ]);
  });

  it('creates customers from provider events unless the business turns it off', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { createCustomersFromEvents: false });

    // Assess
    expect(DEFAULT_PROGRAM.createCustomersFromEvents).toBe(true);
    expect(updated.ok && updated.value.createCustomersFromEvents).toBe(false);
  });

  it('gives programs US dollars unless they say otherwise', () => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { currency: 'EUR' });

    // Assess
    expect(DEFAULT_PROGRAM.currency).toBe('USD');
    expect(updated.ok && updated.value.currency).toBe('EUR');
  });

  it.each(['euro', 'usd', 'XYZ', ''])('rejects the currency %p', (currency) => {
    // Act
    const updated = updateProgramSettings(DEFAULT_PROGRAM, { currency });

    // Assess
    expect(!updated.ok && updated.error.details).toEqual({
      fields: { currency: 'an ISO 4217 currency code, e.g. USD' },
    });
  });
});
