import 'reflect-metadata';
import { Logger } from '@aws-lambda-powertools/logger';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import serverlessExpress from '@vendia/serverless-express';
import type { Context, Handler } from 'aws-lambda';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';

async function createApp() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: ['error', 'warn'],
    bodyParser: true,
  });
  configureApp(app);
  return app;
}

interface Server {
  readonly handle: Handler;
  readonly logger: Logger;
}

// Created once per Lambda container and reused by every invocation it serves.
let server: Promise<Server> | undefined;

function getServer(): Promise<Server> {
  server ??= createApp()
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
}

/** API Gateway (HTTP API, payload v2 or REST v1) entry point. */
export const handler: Handler = async (event, context: Context, callback) => {
  const { handle, logger } = await getServer();
  logger.addContext(context); // function name, cold start, invocation id on every log line
  return handle(event, context, callback);
};

/** Serves the same app over plain HTTP, for running the API alone. */
export async function listen(port: number, host = '127.0.0.1') {
  const app = await createApp();
  await app.listen(port, host);
  return app;
}
