/**
 * Port: the points a new customer's signup bonus will award. The bonus itself is credited
 * asynchronously from `user.created`; the signup answer only announces it.
 */
export interface SignupBonus {
  welcomePoints(tenantId: string): Promise<number>;
}
