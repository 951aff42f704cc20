import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProcessorModule } from './processor.module';

// Created once per Lambda container and reused by every invocation it serves.
let application: Promise<INestApplicationContext> | undefined;

/** The processor's Nest application context: the handlers' dependencies, built on first use. */
export function getProcessorApplication(): Promise<INestApplicationContext> {
  application ??= NestFactory.createApplicationContext(ProcessorModule, { logger: ['error', 'warn'] }).catch(
    (error: unknown) => {
      application = undefined; // let the next invocation try again
      throw error;
    },
  );
  return application;
}
