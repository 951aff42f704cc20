import { Logger } from '@aws-lambda-powertools/logger';
import { ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TENANT_HEADER } from '../auth/tenant-scope';
import { serveApiDocs } from '../docs/openapi-document';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { EnvelopeInterceptor } from '../http/envelope.interceptor';
import { JsonObjectBodyPipe } from '../http/json-object-body.pipe';
import { REQUEST_ID_HEADER, requestIdMiddleware } from '../http/request-id.middleware';
import { requestLogMiddleware } from '../http/request-log.middleware';
import { validationFailure } from '../http/validation-failure';
import { ApiConfig } from './api-config';

/** Requests carry small JSON documents; anything bigger is refused (413) before it is parsed. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The one HTTP set-up, shared by the Lambda handler and the local listener. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(ConfigService<ApiConfig, true>);
  const origins = config.get('CORS_ORIGINS', { infer: true });
  const logger = app.get(Logger);
  // Middleware runs in this order: the request id first, so every later answer and log line has it.
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(logger));
  app.enableCors({
    origin: origins === '*' ? '*' : origins.split(','),
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', REQUEST_ID_HEADER, TENANT_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
  });
  app.useBodyParser('json', { limit: MAX_JSON_BODY_BYTES });
  app.useGlobalPipes(
    new JsonObjectBodyPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationFailure,
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter(logger));
  app.useGlobalInterceptors(new EnvelopeInterceptor());
  if (config.get('API_DOCS_ENABLED', { infer: true })) serveApiDocs(app);
}
