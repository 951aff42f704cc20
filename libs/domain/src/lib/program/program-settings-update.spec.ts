import { DEFAULT_PROGRAM } from './program-settings';
import { updateProgramSettings } from './program-settings-update';

describe('updateProgramSettings', () => {
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
