import 'reflect-metadata';
import { Logger } from '@aws-lambda-powertools/logger';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import serverlessExpress from '@vendia/serverless-express';
import type { Context, Handler } from 'aws-lambda';

// Each handler loads its own app's modules on first use, so a function evaluates only the code
// its app needs (the webhooks function never loads the API's controllers).

async function createApp() {
  const [{ AppModule }, { configureApp, HTTP_APP_OPTIONS }] = await Promise.all([import('./app/app.module'), import('./app/configure-app')]);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error', 'warn'], ...HTTP_APP_OPTIONS });
  configureApp(app);
  return app;
}

async function createWebhookIntakeApp() {
  const [{ WebhookIntakeAppModule }, { configureWebhookIntakeApp, HTTP_APP_OPTIONS }] = await Promise.all([
    import('./webhooks/webhook-intake-app.module'),
    import('./app/configure-app'),
  ]);
  const app = await NestFactory.create<NestExpressApplication>(WebhookIntakeAppModule, { logger: ['error', 'warn'], ...HTTP_APP_OPTIONS });
  configureWebhookIntakeApp(app);
  return app;
}

interface Server {
  readonly handle: Handler;
  readonly logger: Logger;
}

/**
 * An API Gateway (HTTP API, payload v2 or REST v1) entry point for an app, created once per
 * Lambda container and reused by every invocation it serves.
 */
function lambdaHandler(create: () => Promise<NestExpressApplication>): Handler {
  let server: Promise<Server> | undefined;
  const getServer = (): Promise<Server> => {
    server ??= create()
      .then(async (app) => {
        await app.init();
        return {
          handle: serverlessExpress({ app: app.getHttpAdapter().getInstance() }) as Handler,
          logger: app.get(Logger),
        };
      })
      .catch((error: unknown) => {
        server = undefined; // let the next invocation try again
        throw error;
      });
    return server;
  };
  return async (event, context: Context, callback) => {
    const { handle, logger } = await getServer();
    logger.addContext(context); // function name, cold start, invocation id on every log line
    return handle(event, context, callback);
  };
}

/** The REST API. */
export const handler: Handler = lambdaHandler(createApp);

/** Provider webhook deliveries (POST /webhooks/{provider}[/{tenantId}]): the intake alone. */
export const webhooksHandler: Handler = lambdaHandler(createWebhookIntakeApp);

/** Serves the same app over plain HTTP, for running the API alone. */
export async function listen(port: number, host = '127.0.0.1') {
  const app = await createApp();
  await app.listen(port, host);
  return app;
}
