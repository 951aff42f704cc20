import { eraseProfile } from '../users/profile-changes';
import { ada } from '../users/user.fixture';
import { profileFromItem, profileItem } from './user-items';

describe('profile items', () => {
  it.each([false, true])('read back the profile they store (erased: %p)', (erased) => {
    // Prepare
    const profile = erased ? eraseProfile(ada, new Date('2026-12-01T00:00:00.000Z')) : ada;

    // Act
    const item = profileItem(profile, 'key-1');

    // Assess
    expect(profileFromItem(item)).toEqual(profile);
    expect(item).toMatchObject({ signupKey: 'key-1' });
  });
});
