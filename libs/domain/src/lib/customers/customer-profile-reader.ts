import { ReferrerFacts } from '../campaigns/earning-input';

/** What campaigns need from a customer's profile (birthday treats, referrals, self-referral checks). */
export interface CustomerProfile {
  readonly birthday?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly referredBy?: ReferrerFacts;
}

/** Port: a customer's profile; undefined for customers known only from their orders. */
export interface CustomerProfileReader {
  getProfile(tenantId: string, userId: string): Promise<CustomerProfile | undefined>;
}
