import fc from 'fast-check';
import { eraseProfile } from '../users/profile-changes';
import { ada } from '../users/user.fixture';
import { profileFromItem, profileItem } from './user-items';

describe('profile items', () => {
  it('read back the profile they store, whatever was spent', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.option(fc.constantFrom('USD', 'EUR', 'JPY'), { nil: undefined }),
        fc.boolean(),
        (minor, currency, erased) => {
          // Prepare
          const spent = { ...ada, totalSpent: { minor, ...(currency && { currency }) } };
          const profile = erased ? eraseProfile(spent, new Date('2026-12-01T00:00:00.000Z')) : spent;

          // Act
          const item = profileItem(profile, 'key-1');

          // Assess
          expect(profileFromItem(item)).toEqual(profile);
          expect(item).toMatchObject({ totalSpentMinor: minor, signupKey: 'key-1' });
        },
      ),
    );
  });

  it('count a profile stored before spend was tracked as having spent nothing', () => {
    // Prepare
    const legacy = profileItem(ada);
    delete legacy['totalSpentMinor'];

    // Act
    const profile = profileFromItem(legacy);

    // Assess
    expect(profile.totalSpent).toEqual({ minor: 0 });
  });
});
