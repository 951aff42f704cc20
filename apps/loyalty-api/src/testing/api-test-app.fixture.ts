import { Logger } from '@aws-lambda-powertools/logger';
import { Provider, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { validateApiConfig } from '../app/api-config';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { Role } from '../auth/principal';
import { RolesGuard } from '../auth/roles.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { startTestApp } from './start-test-app';

const JWT_SECRET = 'unit-test-jwt-secret-0123456789abcdef';

/**
 * The API's HTTP pipeline (middleware, guards, pipes, filter, envelope) around the given
 * controllers, without DynamoDB or SQS: for unit tests of the platform pieces.
 */
export async function createApiTestApp(options: {
  controllers: Type[];
  providers?: Provider[];
  logger?: Logger;
  /** Settings over the test ones (API_DOCS_ENABLED, say). */
  settings?: Record<string, string>;
}): Promise<NestExpressApplication> {
  const config = validateApiConfig({
    TABLE_NAME: 'unit-test',
    EVENTS_QUEUE_URL: 'http://127.0.0.1:1/queue',
    NOTIFICATIONS_QUEUE_URL: 'http://127.0.0.1:1/notifications',
    WEBHOOK_BUCKET: 'unit-test-webhooks',
    JWT_SECRET,
    PAGE_TOKEN_SECRET: 'unit-test-page-token-secret-0123456789',
    ...options.settings,
  });
  const moduleRef = await Test.createTestingModule({
    controllers: options.controllers,
    providers: [
      { provide: ConfigService, useValue: new ConfigService(config) },
      { provide: Logger, useValue: options.logger ?? new Logger({ logLevel: 'SILENT' }) },
      TokenVerifier,
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
      ...(options.providers ?? []),
    ],
  }).compile();
  return startTestApp(moduleRef);
}

/** A bearer token the test app accepts. */
export function testToken(role: Role, tenantId = 'demo', sub = 'user_1'): Promise<string> {
  return new SignJWT({ tenantId, role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}
