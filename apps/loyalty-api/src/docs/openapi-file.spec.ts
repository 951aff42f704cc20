import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useUnusedAppModuleSettings } from '../testing/app-module-settings.fixture';
import { OPENAPI_FILE } from './api-docs';
import { openApiDocument } from './openapi-document';

/** Set by `npm run openapi`: write the document there instead of checking the committed one. */
const out = process.env['OPENAPI_OUT'];
const committedFile = join(__dirname, '../../../../docs', OPENAPI_FILE);

/** The whole API, as deployed: every controller it routes to is in the document. */
async function createFullApp(): Promise<INestApplication> {
  useUnusedAppModuleSettings();
  const { AppModule } = await import('../app/app.module');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  return moduleRef.createNestApplication();
}

describe(`docs/${OPENAPI_FILE}`, () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createFullApp();
    document = openApiDocument(app);
  });

  afterAll(() => app.close());

  (out ? it : it.skip)('is written by `npm run openapi`', () => {
    // Act
    writeFileSync(out as string, `${JSON.stringify(document, null, 2)}\n`);

    // Assess
    expect(JSON.parse(readFileSync(out as string, 'utf8'))).toEqual(document);
  });

  (out ? it.skip : it)("is the code's document, as the API serves it", () => {
    // Prepare
    const committed: unknown = JSON.parse(readFileSync(committedFile, 'utf8'));

    // Assess
    try {
      expect(committed).toEqual(document);
    } catch (error) {
      (error as Error).message = `docs/${OPENAPI_FILE} is out of date: run \`npm run openapi\`\n\n${(error as Error).message}`;
      throw error;
    }
  });
});
