import { resolve } from 'node:path';

export interface LocalStackPorts {
  /** serverless-offline HTTP API (`httpPort`). */
  apiPort: number;
  /** serverless-offline Lambda invoke endpoint (`lambdaPort`). */
  lambdaPort: number;
  dynamoDbPort: number;
  sqsPort: number;
  /** s3rver, the webhook raw log's bucket. */
  s3Port: number;
}

/**
 * Where DynamoDB and SQS come from: `embedded` starts DynamoDB Local and the in-process SQS server
 * (and stops them on exit); `external` uses servers already listening on the same ports, e.g.
 * `docker compose up -d`, and leaves them running.
 */
export const LOCAL_SERVERS_MODES = ['embedded', 'external'] as const;
export type LocalServersMode = (typeof LOCAL_SERVERS_MODES)[number];

export interface LocalStackSettings {
  servers: LocalServersMode;
  ports: LocalStackPorts;
  /** Where DynamoDB Local keeps its data; undefined keeps everything in memory. */
  dynamoDbDataDir: string | undefined;
  /** Where s3rver keeps its objects; undefined uses a temporary directory removed on exit. */
  s3DataDir: string | undefined;
  /** Short by default so that a failed message is retried within seconds, not after 30 s. */
  visibilityTimeoutSeconds: number;
}

export const DEFAULT_PORTS: LocalStackPorts = {
  apiPort: 3000,
  lambdaPort: 3002,
  dynamoDbPort: 8000,
  // ElasticMQ's default, so docker-compose users get the same endpoint.
  sqsPort: 9324,
  s3Port: 4568,
};
const DEFAULT_DATA_DIR = '.local-data';
export const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 5;
/** 0 would hand a failed message straight back, in a hot loop; SQS's maximum is 12 h. */
const MIN_VISIBILITY_TIMEOUT_SECONDS = 1;
const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

/** Reads the local stack's settings from environment variables (see the library README). */
export function readLocalStackSettings(
  env: NodeJS.ProcessEnv = process.env,
  workingDir: string = process.cwd(),
): LocalStackSettings {
  const persist = env['LOCAL_PERSIST'] === 'true';
  return {
    servers: readServersMode(env),
    ports: {
      apiPort: readInteger(env, 'API_PORT', DEFAULT_PORTS.apiPort, 1, 65_535),
      lambdaPort: readInteger(
        env,
        'LAMBDA_PORT',
        DEFAULT_PORTS.lambdaPort,
        1,
        65_535,
      ),
      dynamoDbPort: readInteger(
        env,
        'DYNAMODB_PORT',
        DEFAULT_PORTS.dynamoDbPort,
        1,
        65_535,
      ),
      sqsPort: readInteger(env, 'SQS_PORT', DEFAULT_PORTS.sqsPort, 1, 65_535),
      s3Port: readInteger(env, 'S3_PORT', DEFAULT_PORTS.s3Port, 1, 65_535),
    },
    dynamoDbDataDir: persist
      ? resolve(
          workingDir,
          env['LOCAL_DATA_DIR'] || DEFAULT_DATA_DIR,
          'dynamodb',
        )
      : undefined,
    s3DataDir: persist
      ? resolve(workingDir, env['LOCAL_DATA_DIR'] || DEFAULT_DATA_DIR, 's3')
      : undefined,
    visibilityTimeoutSeconds: readInteger(
      env,
      'LOCAL_VISIBILITY_TIMEOUT_SECONDS',
      DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
      MIN_VISIBILITY_TIMEOUT_SECONDS,
      MAX_VISIBILITY_TIMEOUT_SECONDS,
    ),
  };
}

function readServersMode(env: NodeJS.ProcessEnv): LocalServersMode {
  const raw = env['LOCAL_SERVERS'];
  if (raw === undefined || raw === '') {
    return 'embedded';
  }
  const mode = LOCAL_SERVERS_MODES.find((known) => known === raw);
  if (mode === undefined) {
    throw new Error(
      `LOCAL_SERVERS must be ${LOCAL_SERVERS_MODES.map((known) => `"${known}"`).join(' or ')}, got "${raw}"`,
    );
  }
  return mode;
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  defaultValue: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return defaultValue;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(
      `${name} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}
