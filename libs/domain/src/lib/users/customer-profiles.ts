import { CustomerProfile, CustomerProfileReader } from '../customers/customer-profile-reader';
import { UserProfile } from './user-profile';
import { UserRepository } from './user-repository';

const factsOf = (profile: UserProfile) =>
  profile.status === 'active' ? { email: profile.email, ...(profile.phone && { phone: profile.phone }) } : {};

/** What campaigns read of a registered customer: birthday, contact (self-referral checks) and referrer. */
export class CustomerProfiles implements CustomerProfileReader {
  constructor(private readonly users: Pick<UserRepository, 'get' | 'findByReferralCode'>) {}

  async getProfile(tenantId: string, userId: string): Promise<CustomerProfile | undefined> {
    const profile = await this.users.get(tenantId, userId);
    if (!profile || profile.status !== 'active') return undefined;
    const referrer = profile.referredBy ? await this.users.findByReferralCode(tenantId, profile.referredBy) : undefined;
    return {
      ...factsOf(profile),
      ...(profile.birthday && { birthday: profile.birthday }),
      // An erased referrer is no one to reward.
      ...(referrer?.status === 'active' && { referredBy: { userId: referrer.userId, ...factsOf(referrer) } }),
    };
  }
}
