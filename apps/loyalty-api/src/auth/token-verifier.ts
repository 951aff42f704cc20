import { isIdentifier } from '@loyalty/domain';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { errors, jwtVerify } from 'jose';
import { ApiConfig } from '../app/api-config';
import { Principal, Role, ROLES } from './principal';
import { TokenKeys, tokenKeys } from './token-keys';

/** Clocks of the identity provider and of Lambda may disagree a little; `exp` and `nbf` allow for it. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer tokens with `jose`: only the algorithms of the configured keys (so `alg: none`
 * and algorithm swaps fail), `exp`, `sub`, `tenantId` and `role` required, `exp`/`nbf` enforced,
 * issuer and audience when configured.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: TokenKeys;
  private readonly issuer?: string;
  private readonly audience?: string;

  constructor(@Inject(ConfigService) config: ConfigService<ApiConfig, true>) {
    this.keys = tokenKeys({
      jwksUrl: config.get('JWT_JWKS_URL', { infer: true }),
      secret: config.get('JWT_SECRET', { infer: true }),
    });
    this.issuer = config.get('JWT_ISSUER', { infer: true });
    this.audience = config.get('JWT_AUDIENCE', { infer: true });
  }

  /** The principal, or undefined for any token that is not valid and complete. */
  async verify(token: string): Promise<Principal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys.getKey, {
        algorithms: [...this.keys.algorithms],
        requiredClaims: ['exp', 'sub', 'tenantId', 'role'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(this.issuer && { issuer: this.issuer }),
        ...(this.audience && { audience: this.audience }),
      });
      const { sub, tenantId, role } = payload as Record<string, unknown>;
      if (!isIdentifier(sub) || !isIdentifier(tenantId) || !ROLES.includes(role as Role)) {
        return undefined;
      }
      return { sub, tenantId, role: role as Role };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}
