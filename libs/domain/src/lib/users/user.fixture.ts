import { ActiveUserProfile } from './user-profile';
import { UserRegistrationRequest } from './user-registration';

/** A signup as a client sends it: Ada of tenant demo, referred by a friend. */
export const adaSignup: UserRegistrationRequest = {
  email: '  Ada@Example.COM ',
  name: ' Ada Lovelace ',
  phone: '+14155550123',
  birthday: '1990-12-10',
  referredBy: 'abcd2345',
  externalIds: { shopify: '7391' },
};

/** Ada as stored after that signup. */
export const ada: ActiveUserProfile = {
  tenantId: 'demo',
  userId: 'user_1',
  status: 'active',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  phone: '+14155550123',
  birthday: '1990-12-10',
  referralCode: 'K7M2Q9ZP',
  referredBy: 'ABCD2345',
  externalIds: { shopify: '7391' },
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  version: 1,
};
