import { Logger } from '@aws-lambda-powertools/logger';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { EnvelopeInterceptor } from '../http/envelope.interceptor';
import { requestIdMiddleware } from '../http/request-id.middleware';
import { ApiConfig } from './api-config';

/** The one HTTP set-up, shared by the Lambda handler and the local listener. */
export function configureApp(app: INestApplication): void {
  const origins = app.get(ConfigService<ApiConfig, true>).get('CORS_ORIGINS', { infer: true });
  app.use(requestIdMiddleware);
  app.enableCors({ origin: origins === '*' ? '*' : origins.split(',') });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.useGlobalFilters(new ApiExceptionFilter(app.get(Logger)));
  app.useGlobalInterceptors(new EnvelopeInterceptor());
}
