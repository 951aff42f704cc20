import { campaignFrom, customerOf } from './campaign.fixture';
import { evaluateBirthday, evaluateSignup, limitCountersFor } from './evaluate-earning';
import { DEFAULT_PROGRAM } from '../program/program-settings';

const signedUpAt = new Date('2026-02-01T09:00:00Z');

describe('evaluateSignup', () => {
  const welcome = campaignFrom({ name: 'Welcome', type: 'signup_bonus' }, 'camp_w');

  it('gives the default 100 points once per customer', () => {
    // Act
    const evaluation = evaluateSignup({
      program: DEFAULT_PROGRAM,
      campaigns: [welcome],
      customer: customerOf({ completedOrders: 0 }),
      signup: { occurredAt: signedUpAt },
      usage: new Map(),
    });

    // Assess
    expect(evaluation).toEqual({
      points: 100,
      lines: [{ campaignId: 'camp_w', kind: 'signup_bonus', points: 100, reason: 'Welcome bonus (Welcome)' }],
      counters: [{ counterId: 'cap#camp_w#user_1#all', increment: 1, limit: 1 }],
      referrals: [],
      skipped: [],
    });
  });

  it('gives nothing a second time', () => {
    // Act
    const evaluation = evaluateSignup({
      program: DEFAULT_PROGRAM,
      campaigns: [welcome],
      customer: customerOf(),
      signup: { occurredAt: signedUpAt },
      usage: new Map([['cap#camp_w#user_1#all', 1]]),
    });

    // Assess
    expect(evaluation.points).toBe(0);
    expect(evaluation.skipped[0].reason).toBe('limit is reached (1 time per customer)');
  });

  it('ignores order campaigns and honours the signup channel', () => {
    // Prepare
    const appOnly = campaignFrom(
      { name: 'App', type: 'signup_bonus', points: 50, conditions: { channels: ['app'] } },
      'camp_app',
    );
    const flat = campaignFrom({ name: 'Flat', type: 'flat_bonus', points: 10 }, 'camp_flat');

    // Act
    const evaluation = evaluateSignup({
      program: DEFAULT_PROGRAM,
      campaigns: [appOnly, flat, welcome],
      customer: customerOf(),
      signup: { occurredAt: signedUpAt, channel: 'app' },
      usage: new Map(),
    });

    // Assess
    expect(evaluation.lines.map((line) => [line.campaignId, line.points])).toEqual([
      ['camp_app', 50],
      ['camp_w', 100],
    ]);
  });
});

describe('evaluateBirthday', () => {
  const birthday = campaignFrom({ name: 'Birthday', type: 'birthday', points: 150 }, 'camp_b', 'Europe/Paris');
  const paris = { ...DEFAULT_PROGRAM, timeZone: 'Europe/Paris' };

  function run(at: string, birthdayText: string, usage = new Map<string, number>()) {
    const query = {
      program: paris,
      campaigns: [birthday],
      customer: customerOf({ birthday: birthdayText }),
      birthday: { at: new Date(at) },
    };
    return { counters: limitCountersFor(query), evaluation: evaluateBirthday({ ...query, usage }) };
  }

  it.each([
    ['00:30 on the birthday in Paris (23:30 UTC the day before)', '2025-11-24T23:30:00Z', '1990-11-25', 150],
    ['23:30 the day before in Paris', '2025-11-24T22:30:00Z', '1990-11-25', 0],
    ['28 February of a common year for someone born on 29 February', '2027-02-28T12:00:00Z', '2000-02-29', 150],
    ['1 March of a common year for someone born on 29 February', '2027-03-01T12:00:00Z', '02-29', 0],
    ['29 February of a leap year', '2028-02-29T12:00:00Z', '02-29', 150],
  ])('%s', (_case, at, birthdayText, points) => {
    // Act
    const { evaluation } = run(at, birthdayText);

    // Assess
    expect(evaluation.points).toBe(points);
  });

  it('is given once a year, through a counter per year', () => {
    // Act
    const first = run('2025-11-25T09:00:00Z', '11-25');
    const again = run('2025-11-25T18:00:00Z', '11-25', new Map([['cap#camp_b#user_1#2025', 1]]));
    const nextYear = run('2026-11-25T09:00:00Z', '11-25', new Map([['cap#camp_b#user_1#2025', 1]]));

    // Assess
    expect(first.counters).toEqual(['cap#camp_b#user_1#2025']);
    expect(first.evaluation.lines).toEqual([
      { campaignId: 'camp_b', kind: 'birthday', points: 150, reason: 'Happy birthday (Birthday)' },
    ]);
    expect(again.evaluation.points).toBe(0);
    expect(nextYear.evaluation.points).toBe(150);
  });
});
