import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiConfig } from '../app/api-config';

/** Where a list position is valid: the tenant, the listing and its filters (e.g. "demo:history:user_1:redeemed"). */
export type PageScope = string;

/**
 * Opaque `nextToken`s: the store's position, bound to the scope it came from and signed, so that a
 * client can neither forge a position nor replay it against another tenant, user or filter.
 */
@Injectable()
export class PageTokenCodec {
  private readonly key: Buffer;

  constructor(@Inject(ConfigService) config: ConfigService<ApiConfig, true>) {
    this.key = Buffer.from(config.get('PAGE_TOKEN_SECRET', { infer: true }));
  }

  encode(scope: PageScope, position: Record<string, unknown> | undefined): string | undefined {
    if (!position) return undefined;
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.sign(scope, payload)}`;
  }

  /** The position a token stands for; undefined when there is none; 400 when it was not ours. */
  decode(scope: PageScope, token: string | undefined): Record<string, unknown> | undefined {
    if (token === undefined) return undefined;
    const [payload, signature = '', extra] = token.split('.');
    // Compared as text: base64url decoding skips stray characters, so decoded bytes could match
    // for a token that is not the one we issued.
    const expected = Buffer.from(this.sign(scope, payload));
    const given = Buffer.from(signature);
    if (extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new BadRequestException('nextToken is not valid for this request');
    }
    const position: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof position !== 'object' || position === null) {
      throw new BadRequestException('nextToken is not valid for this request');
    }
    return position as Record<string, unknown>;
  }

  private sign(scope: PageScope, payload: string): string {
    return createHmac('sha256', this.key).update(`${scope}\n${payload}`).digest('base64url');
  }
}
