import { ada, adaSignup } from './user.fixture';
import { userCreatedEvent } from './user-created-event';
import { newUserProfile, registrationFingerprint, validateRegistration } from './user-registration';

const now = new Date('2026-11-21T10:00:00.000Z');

describe('validateRegistration', () => {
  it('normalizes email, name and referral code', () => {
    // Act
    const registration = validateRegistration(adaSignup, now);

    // Assess
    expect(registration).toEqual({
      ok: true,
      value: {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        phone: '+14155550123',
        birthday: '1990-12-10',
        referredBy: 'ABCD2345',
        externalIds: { shopify: '7391' },
      },
    });
  });

  it('names every invalid field in one validation error', () => {
    // Act
    const registration = validateRegistration({ email: 'ada@', name: '', phone: '+1 415' }, now);

    // Assess
    expect(registration.ok).toBe(false);
    if (!registration.ok) {
      expect(registration.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(registration.error.details['fields'] as object).sort()).toEqual(['email', 'name', 'phone']);
    }
  });
});

describe('registrationFingerprint', () => {
  it('is the same for the same registration and differs when any field does', () => {
    // Prepare
    const registration = validateRegistration(adaSignup, now);
    if (!registration.ok) throw registration.error;
    const base = registration.value;

    // Act
    const same = registrationFingerprint({ ...base, externalIds: { shopify: '7391' } });
    const others = [
      { ...base, name: 'Ada King' },
      { ...base, phone: undefined },
      { ...base, externalIds: { shopify: '7392' } },
      { ...base, externalIds: { shopify: '7391', stripe: 'cus_1' } },
    ].map(registrationFingerprint);

    // Assess
    expect(same).toBe(registrationFingerprint(base));
    expect(new Set([same, ...others]).size).toBe(5);
  });
});

describe('newUserProfile', () => {
  it('starts active at version 1 with nothing spent, and announces itself without personal data', () => {
    // Prepare
    const registration = validateRegistration(adaSignup, now);
    if (!registration.ok) throw registration.error;

    // Act
    const profile = newUserProfile('demo', registration.value, { userId: 'user_1', referralCode: 'K7M2Q9ZP' }, now);
    const event = userCreatedEvent(profile, 'evt_1');

    // Assess
    expect(profile).toEqual(ada);
    expect(event).toEqual({
      id: 'evt_1',
      type: 'user.created',
      source: 'loyalty.api',
      time: '2026-11-21T10:00:00.000Z',
      detail: { tenantId: 'demo', eventId: 'evt_1', userId: 'user_1', referredBy: 'ABCD2345' },
    });
  });
});
