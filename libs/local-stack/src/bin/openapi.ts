/**
 * `npm run openapi [-- --skip-build] [--out docs/openapi.json]`: writes the API's OpenAPI document,
 * exactly as the built bundle serves it at /docs/openapi.json (the bundle is what keeps the
 * decorator metadata the document is made from). Nothing else is started or called: the settings
 * below only let the app start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_JWT_SECRET, LOCAL_PAGE_TOKEN_SECRET, LOCAL_REGION } from '../lib/config/naming';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { findFreePorts, LOOPBACK_HOST } from '../lib/net/free-port';
import { buildLambdaApps } from '../lib/serverless/build-apps';

interface ApiBundle {
  listen(port: number, host: string): Promise<{ close(): Promise<void> }>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/openapi.json' },
    },
  });
  const workspaceRoot = findWorkspaceRoot();
  if (!values['skip-build']) await buildLambdaApps(workspaceRoot, ['loyalty-api']);

  Object.assign(process.env, {
    TABLE_NAME: 'openapi',
    EVENTS_QUEUE_URL: `http://${LOOPBACK_HOST}:9/000000000000/openapi`,
    NOTIFICATIONS_QUEUE_URL: `http://${LOOPBACK_HOST}:9/000000000000/openapi-notifications`,
    WEBHOOK_BUCKET: 'openapi',
    AWS_REGION: LOCAL_REGION,
    JWT_SECRET: LOCAL_JWT_SECRET,
    PAGE_TOKEN_SECRET: LOCAL_PAGE_TOKEN_SECRET,
    API_DOCS_ENABLED: 'true',
  });
  const bundle = require(join(workspaceRoot, 'dist/apps/loyalty-api/main.js')) as ApiBundle;
  const [port] = await findFreePorts(1);
  const app = await bundle.listen(port, LOOPBACK_HOST);
  try {
    const response = await fetch(`http://${LOOPBACK_HOST}:${port}/docs/openapi.json`);
    if (!response.ok) throw new Error(`GET /docs/openapi.json answered ${response.status}`);
    const file = resolve(workspaceRoot, values.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(await response.json(), null, 2)}\n`);
    console.log(`OpenAPI document written to ${file}`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`The OpenAPI document could not be written: ${error.message}`);
  process.exit(1);
});
