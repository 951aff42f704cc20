/** SPEC "Campaigns and tiers": a signup bonus of 100 points unless the tenant's campaign says otherwise. */
export const DEFAULT_SIGNUP_BONUS_POINTS = 100;

/**
 * Port: the points a new customer's signup bonus will award. The bonus itself is credited
 * asynchronously from `user.created`; the signup answer only announces it.
 */
export interface SignupBonus {
  welcomePoints(tenantId: string): Promise<number>;
}
