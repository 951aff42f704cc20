import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describeExit, waitForExit } from '../process/child-process';

/** The Nx projects whose bundles serverless.yml points its handlers at. */
export const LAMBDA_APP_PROJECTS = ['loyalty-api', 'loyalty-event-processor'];

/** Builds the Lambda bundles with Nx (output streamed to this terminal); rejects if the build fails. */
export async function buildLambdaApps(
  workspaceRoot: string,
  projects: string[] = LAMBDA_APP_PROJECTS,
): Promise<void> {
  const build = spawn(
    join(workspaceRoot, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', ...projects],
    { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const spawned = new Promise<never>((_, reject) =>
    build.once('error', reject),
  );
  const exit = await Promise.race([waitForExit(build), spawned]);
  if (exit.code !== 0) {
    throw new Error(
      `Building ${projects.join(', ')} failed: nx ${describeExit(exit)}`,
    );
  }
}
