import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const API_DOCS_PATH = '/docs';
export const OPENAPI_FILE = 'openapi.json';

/** What the page loads from swagger-ui-dist (webpack.config.js copies the same list). */
export const SWAGGER_UI_FILES = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
] as const;

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Loyalty API</title>
  <link rel="stylesheet" type="text/css" href="${API_DOCS_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${API_DOCS_PATH}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${API_DOCS_PATH}/favicon-16x16.png" sizes="16x16">
  <style>body { margin: 0; background: #fafafa; } .swagger-ui .topbar .download-url-wrapper { display: none }</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${API_DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '${API_DOCS_PATH}/${OPENAPI_FILE}',
      dom_id: '#swagger-ui',
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      layout: 'StandaloneLayout',
    });
  </script>
</body>
</html>
`;

/**
 * Where the document and Swagger UI's files are: beside the bundle, which carries docs/openapi.json
 * and a copy of the UI's files as assets (webpack.config.js), or in the repository when the app runs
 * from source (tests). Missing, they stop the start rather than fail every /docs request.
 */
function docsFiles(): { document: string; ui: string } {
  const repository = join(__dirname, '../../../..');
  const places = [
    { document: join(__dirname, OPENAPI_FILE), ui: join(__dirname, 'swagger-ui') },
    { document: join(repository, 'docs', OPENAPI_FILE), ui: join(repository, 'node_modules/swagger-ui-dist') },
  ];
  const found = places.find(({ document, ui }) => existsSync(document) && existsSync(ui));
  if (!found) throw new Error(`API_DOCS_ENABLED: no ${OPENAPI_FILE} and Swagger UI beside ${__dirname}`);
  return found;
}

/**
 * Swagger UI at /docs and the OpenAPI document at /docs/openapi.json: the committed
 * docs/openapi.json, made from the code's decorators by `npm run openapi` (openapi-document.ts; a
 * unit test fails while it is out of date). Serving the file keeps @nestjs/swagger, and the work of
 * building the document, out of the Lambda. Plain express routes, like SwaggerModule's: public,
 * outside the guards.
 */
export function serveApiDocs(app: NestExpressApplication): void {
  const files = docsFiles();
  const express: Express = app.getHttpAdapter().getInstance();
  const sendPage = (_request: Request, response: Response) => response.type('html').send(page);
  express.get(API_DOCS_PATH, sendPage);
  express.get(`${API_DOCS_PATH}/${OPENAPI_FILE}`, (_request: Request, response: Response) =>
    response.sendFile(files.document),
  );
  for (const file of SWAGGER_UI_FILES) {
    express.get(`${API_DOCS_PATH}/${file}`, (_request: Request, response: Response) =>
      response.sendFile(join(files.ui, file)),
    );
  }
}
