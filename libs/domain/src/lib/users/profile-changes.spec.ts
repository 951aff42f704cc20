import { applyProfileChanges, eraseProfile } from './profile-changes';
import { ada } from './user.fixture';

const now = new Date('2026-12-01T08:00:00.000Z');

describe('applyProfileChanges', () => {
  it('changes the given fields, normalized, and bumps the version', () => {
    // Act
    const changed = applyProfileChanges(ada, { email: ' Ada.King@Example.com', name: 'Ada King ' }, now);

    // Assess
    expect(changed).toEqual({
      ok: true,
      value: { ...ada, email: 'ada.king@example.com', name: 'Ada King', updatedAt: '2026-12-01T08:00:00.000Z', version: 2 },
    });
  });

  it('removes phone and birthday given as null', () => {
    // Act
    const changed = applyProfileChanges(ada, { phone: null, birthday: null }, now);

    // Assess
    expect(changed.ok).toBe(true);
    if (changed.ok) {
      expect(changed.value).not.toHaveProperty('phone');
      expect(changed.value).not.toHaveProperty('birthday');
      expect(changed.value.version).toBe(2);
    }
  });

  it('returns the very same profile when nothing actually changes, so nothing is written', () => {
    // Act
    const changed = applyProfileChanges(ada, { email: 'ADA@example.com', phone: '+14155550123' }, now);

    // Assess
    expect(changed.ok && changed.value).toBe(ada);
  });

  it.each([
    [{}, 'Nothing to change: give email, name, phone or birthday'],
    [{ email: 'nope' }, 'Invalid user'],
    [{ birthday: '02-30' }, 'Invalid user'],
  ])('rejects %p', (changes, message) => {
    // Act
    const changed = applyProfileChanges(ada, changes, now);

    // Assess
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error).toMatchObject({ code: 'VALIDATION_ERROR', message });
  });

  it('refuses to change an erased profile', () => {
    // Act
    const changed = applyProfileChanges(eraseProfile(ada, now), { name: 'Ada' }, now);

    // Assess
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error.name).toBe('UserErasedError');
  });
});

describe('eraseProfile', () => {
  it('keeps only the id, the dates and the anonymous spend total', () => {
    // Prepare
    const customer = { ...ada, version: 4 };

    // Act
    const erased = eraseProfile(customer, now);

    // Assess
    expect(erased).toEqual({
      tenantId: 'demo',
      userId: 'user_1',
      status: 'erased',
      createdAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-12-01T08:00:00.000Z',
      erasedAt: '2026-12-01T08:00:00.000Z',
      version: 5,
    });
  });

  it('leaves an erased profile as it is', () => {
    // Prepare
    const erased = eraseProfile(ada, now);

    // Act
    const again = eraseProfile(erased, new Date('2027-01-01T00:00:00.000Z'));

    // Assess
    expect(again).toBe(erased);
  });
});
