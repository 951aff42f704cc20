import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import serverlessExpress from '@vendia/serverless-express';
import type { Handler } from 'aws-lambda';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';

async function createApp() {
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'], bodyParser: true });
  configureApp(app);
  return app;
}

// Created once per Lambda container and reused by every invocation it serves.
let server: Promise<Handler> | undefined;

function getServer(): Promise<Handler> {
  server ??= createApp()
    .then(async (app) => {
      await app.init();
      return serverlessExpress({ app: app.getHttpAdapter().getInstance() }) as Handler;
    })
    .catch((error: unknown) => {
      server = undefined; // let the next invocation try again
      throw error;
    });
  return server;
}

/** API Gateway (HTTP API, payload v2 or REST v1) entry point. */
export const handler: Handler = async (event, context, callback) =>
  (await getServer())(event, context, callback);

/** Serves the same app over plain HTTP, for running the API alone. */
export async function listen(port: number, host = '127.0.0.1') {
  const app = await createApp();
  await app.listen(port, host);
  return app;
}
