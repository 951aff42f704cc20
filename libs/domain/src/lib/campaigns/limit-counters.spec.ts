import { periodKey } from './limit-counters';

describe('periodKey', () => {
  it.each([
    ['day', '2025-11-24T23:30:00Z', 'Europe/Paris', '2025-11-25'],
    ['day', '2025-11-24T23:30:00Z', 'America/New_York', '2025-11-24'],
    ['week', '2025-11-23T23:30:00Z', 'Europe/Paris', '2025-W48'],
    ['week', '2025-11-23T23:30:00Z', 'UTC', '2025-W47'],
    ['week', '2027-01-01T12:00:00Z', 'UTC', '2026-W53'],
    ['month', '2026-01-31T23:30:00Z', 'Europe/Paris', '2026-02'],
    ['year', '2026-12-31T23:30:00Z', 'Europe/Paris', '2027'],
    ['campaign', '2026-12-31T23:30:00Z', 'Europe/Paris', 'all'],
  ] as const)('%s of %s in %s is %s', (period, at, zone, key) => {
    // Act
    const computed = periodKey(period, new Date(at), zone);

    // Assess
    expect(computed).toBe(key);
  });
});
