import { resolve } from 'node:path';
import { readLocalStackSettings } from './local-stack-settings';

describe('readLocalStackSettings', () => {
  it('uses the documented defaults when nothing is set', () => {
    // Prepare
    const env = {};

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings).toEqual({
      servers: 'embedded',
      ports: {
        apiPort: 3000,
        lambdaPort: 3002,
        dynamoDbPort: 8000,
        sqsPort: 9324,
        s3Port: 4568,
      },
      dynamoDbDataDir: undefined,
      s3DataDir: undefined,
      visibilityTimeoutSeconds: 5,
    });
  });

  it('reads every port and the visibility timeout from the environment', () => {
    // Prepare
    const env = {
      API_PORT: '4000',
      LAMBDA_PORT: '4002',
      DYNAMODB_PORT: '8001',
      SQS_PORT: '9325',
      S3_PORT: '4570',
      LOCAL_VISIBILITY_TIMEOUT_SECONDS: '1',
    };

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings.ports).toEqual({
      apiPort: 4000,
      lambdaPort: 4002,
      dynamoDbPort: 8001,
      sqsPort: 9325,
      s3Port: 4570,
    });
    expect(settings.visibilityTimeoutSeconds).toBe(1);
  });

  it('persists DynamoDB data and S3 objects under .local-data by default when LOCAL_PERSIST is true', () => {
    // Prepare
    const env = { LOCAL_PERSIST: 'true' };

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings.dynamoDbDataDir).toBe(
      resolve('/repo/.local-data/dynamodb'),
    );
    expect(settings.s3DataDir).toBe(resolve('/repo/.local-data/s3'));
  });

  it('persists DynamoDB data under LOCAL_DATA_DIR when given', () => {
    // Prepare
    const env = { LOCAL_PERSIST: 'true', LOCAL_DATA_DIR: '/var/loyalty' };

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings.dynamoDbDataDir).toBe(resolve('/var/loyalty/dynamodb'));
  });

  it('keeps data in memory when LOCAL_PERSIST is anything but true', () => {
    // Prepare
    const env = { LOCAL_PERSIST: '1', LOCAL_DATA_DIR: '/var/loyalty' };

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings.dynamoDbDataDir).toBeUndefined();
  });

  it.each(['abc', '3000.5', '-1', '0', '70000', ' 3000'])(
    'rejects API_PORT=%j with a message naming the variable',
    (value) => {
      // Prepare
      const env = { API_PORT: value };

      // Act
      const read = () => readLocalStackSettings(env, '/repo');

      // Assess
      expect(read).toThrow(
        `API_PORT must be an integer from 1 to 65535, got "${value}"`,
      );
    },
  );

  it('rejects a visibility timeout of 0, which would retry a failed message in a hot loop', () => {
    // Prepare
    const env = { LOCAL_VISIBILITY_TIMEOUT_SECONDS: '0' };

    // Act
    const read = () => readLocalStackSettings(env, '/repo');

    // Assess
    expect(read).toThrow(
      'LOCAL_VISIBILITY_TIMEOUT_SECONDS must be an integer from 1 to 43200',
    );
  });

  it.each(['embedded', 'external'] as const)(
    'reads LOCAL_SERVERS=%s',
    (mode) => {
      // Prepare
      const env = { LOCAL_SERVERS: mode };

      // Act
      const settings = readLocalStackSettings(env, '/repo');

      // Assess
      expect(settings.servers).toBe(mode);
    },
  );

  it('starts its own servers when LOCAL_SERVERS is empty', () => {
    // Prepare
    const env = { LOCAL_SERVERS: '' };

    // Act
    const settings = readLocalStackSettings(env, '/repo');

    // Assess
    expect(settings.servers).toBe('embedded');
  });

  it.each(['docker', 'External', ' external'])(
    'rejects LOCAL_SERVERS=%j with a message naming the accepted values',
    (value) => {
      // Prepare
      const env = { LOCAL_SERVERS: value };

      // Act
      const read = () => readLocalStackSettings(env, '/repo');

      // Assess
      expect(read).toThrow(
        `LOCAL_SERVERS must be "embedded" or "external", got "${value}"`,
      );
    },
  );
});
