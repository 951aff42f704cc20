import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { configureApp, HTTP_APP_OPTIONS } from '../app/configure-app';

/** A compiled module as a running app, created and configured as the Lambda handler does it. */
export async function startTestApp(moduleRef: TestingModule): Promise<NestExpressApplication> {
  const app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
  configureApp(app);
  await app.init();
  return app;
}
