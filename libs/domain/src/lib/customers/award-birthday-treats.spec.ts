import { monthDaysAround } from './award-birthday-treats';

describe('monthDaysAround', () => {
  it.each([
    ['2026-11-21T10:00:00Z', ['11-20', '11-21', '11-22']],
    ['2027-01-01T00:30:00Z', ['12-31', '01-01', '01-02']],
    // 2027 is a common year: people born on 29 February celebrate on the 28th.
    ['2027-02-28T12:00:00Z', ['02-27', '02-28', '03-01', '02-29']],
    ['2028-02-28T12:00:00Z', ['02-27', '02-28', '02-29']],
  ])('at %s looks at the birthdays %j', (at, expected) => {
    // Act
    const monthDays = monthDaysAround(new Date(at));

    // Assess
    expect(monthDays).toEqual(expected);
  });
});
