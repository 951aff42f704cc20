import { Logger } from '@aws-lambda-powertools/logger';
import { ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TENANT_HEADER } from '../auth/tenant-scope';
import { serveApiDocs } from '../docs/api-docs';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { EnvelopeInterceptor } from '../http/envelope.interceptor';
import { jsonBodies } from '../http/json-body.middleware';
import { JsonObjectBodyPipe } from '../http/json-object-body.pipe';
import { REQUEST_ID_HEADER, requestIdMiddleware } from '../http/request-id.middleware';
import { requestLogMiddleware } from '../http/request-log.middleware';
import { validationFailure } from '../http/validation-failure';
import { rawWebhookBody } from '../webhooks/raw-webhook-body.middleware';
import { ApiConfig } from './api-config';

/**
 * How every HTTP app is created: without Nest's default JSON and form parsers, which would read a
 * body our parser left alone (a form, zero bytes) as an object.
 */
export const HTTP_APP_OPTIONS = { bodyParser: false } as const;

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
  configureRequestHandling(app, logger);
  if (config.get('API_DOCS_ENABLED', { infer: true })) serveApiDocs(app);
}

/** The webhooks function's HTTP set-up: the API's, without CORS (providers call server to server) or docs. */
export function configureWebhookIntakeApp(app: NestExpressApplication): void {
  const logger = app.get(Logger);
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(logger));
  configureRequestHandling(app, logger);
}

/** Bodies, validation, errors and the success envelope, the same for every app. */
function configureRequestHandling(app: NestExpressApplication, logger: Logger): void {
  // Webhook signatures are over the raw bytes: their bodies are read before the JSON parser.
  app.use(rawWebhookBody);
  app.use(jsonBodies(MAX_JSON_BODY_BYTES));
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
}
