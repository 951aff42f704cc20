import { DEFAULT_SIGNUP_BONUS_POINTS, SignupBonus } from './signup-bonus';

/** The SPEC's default for every tenant, until signup bonus campaigns say otherwise. */
export class DefaultSignupBonus implements SignupBonus {
  async welcomePoints(): Promise<number> {
    return DEFAULT_SIGNUP_BONUS_POINTS;
  }
}
