import { lotExpiry } from './lot-expiry';

describe('lotExpiry', () => {
  it('never expires under the "none" policy', () => {
    // Act
    const expiry = lotExpiry({ kind: 'none' }, new Date('2026-11-21T10:00:00Z'), 'UTC');

    // Assess
    expect(expiry).toBeUndefined();
  });

  it.each([
    ['UTC', '2026-11-21T23:30:00Z', 30, '2026-12-22T00:00:00.000Z'],
    // 23:30 UTC is already the 22nd in Paris; the local day counts.
    ['Europe/Paris', '2026-11-21T23:30:00Z', 30, '2026-12-22T23:00:00.000Z'],
    // Crossing the end of daylight saving time keeps local midnight.
    ['America/New_York', '2026-10-31T12:00:00Z', 2, '2026-11-03T05:00:00.000Z'],
  ])('in %s, points available at %s with %p days expire at %s', (zone, availableAt, days, expected) => {
    // Act
    const expiry = lotExpiry({ kind: 'days_after_earning', days }, new Date(availableAt), zone);

    // Assess
    expect(expiry).toBe(expected);
  });

  it.each([
    [0, '2026-12-01T00:00:00.000Z'],
    [12, '2027-12-01T00:00:00.000Z'],
    [3, '2027-03-01T00:00:00.000Z'],
  ])('end of the month %p months after earning', (months, expected) => {
    // Act
    const expiry = lotExpiry({ kind: 'end_of_month_after', months }, new Date('2026-11-21T10:00:00Z'), 'UTC');

    // Assess
    expect(expiry).toBe(expected);
  });
});
