/**
 * `npm run openapi [-- --out docs/openapi.json]`: writes the API's OpenAPI document, the one the API
 * serves at /docs/openapi.json. It is made from the controllers' and DTOs' decorators by the real
 * @nestjs/swagger, under jest: ts-jest keeps the decorator metadata the document is read from (tsx's
 * esbuild does not), and the Lambda bundle leaves @nestjs/swagger out. The unit test that checks the
 * committed file is the one that writes it here (apps/loyalty-api/src/docs/openapi-file.spec.ts).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findWorkspaceRoot } from '../lib/config/workspace-root';

function main(): void {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs/openapi.json' } },
  });
  const workspaceRoot = findWorkspaceRoot();
  const file = resolve(workspaceRoot, values.out);
  const jest = spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest', { paths: [workspaceRoot] }),
      '--config',
      'apps/loyalty-api/jest.config.cts',
      '--runTestsByPath',
      'apps/loyalty-api/src/docs/openapi-file.spec.ts',
    ],
    {
      cwd: workspaceRoot,
      env: { ...process.env, OPENAPI_OUT: file },
      stdio: 'inherit',
    },
  );
  if (jest.status !== 0) {
    console.error('The OpenAPI document could not be written (the test output above says why).');
    process.exit(1);
  }
  console.log(`OpenAPI document written to ${file}`);
}

main();
