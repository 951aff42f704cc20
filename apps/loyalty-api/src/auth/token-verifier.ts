import { isIdentifier } from '@loyalty/domain';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { errors, jwtVerify } from 'jose';
import { ApiConfig } from '../app/api-config';
import { Principal, Role, ROLES } from './principal';

const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer tokens with `jose`: HS256 only (so `alg: none` and other algorithms fail),
 * `exp` required and enforced, issuer and audience when configured.
 */
@Injectable()
export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly issuer?: string;
  private readonly audience?: string;

  constructor(@Inject(ConfigService) config: ConfigService<ApiConfig, true>) {
    this.secret = new TextEncoder().encode(config.get('JWT_SECRET', { infer: true }));
    this.issuer = config.get('JWT_ISSUER', { infer: true });
    this.audience = config.get('JWT_AUDIENCE', { infer: true });
  }

  /** The principal, or undefined for any token that is not valid and complete. */
  async verify(token: string): Promise<Principal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
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
