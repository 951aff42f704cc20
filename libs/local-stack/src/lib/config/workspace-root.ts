import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo root (where nx.json is), wherever the calling script was started from. */
export function findWorkspaceRoot(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No nx.json found above ${startDir}`);
    }
  }
}
