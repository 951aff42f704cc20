import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS } from '../config/naming';
import { assertPortFree, LOOPBACK_HOST } from '../net/free-port';

// s3rver ships no types: what is used of it, typed here.
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  configureBuckets: { name: string }[];
}
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = require('s3rver') as new (options: S3rverOptions) => S3rverInstance;
/** The account s3rver checks access key ids against (it does not check SigV4 signatures). */
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
};

export interface LocalS3Server {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  port: number;
  /** Buckets created at start (kept when they exist in `dataDir`). */
  buckets: readonly string[];
  /** Keeps the objects in this directory across runs; a temporary directory, removed on stop, when undefined. */
  dataDir?: string;
}

/**
 * Starts s3rver, an S3-compatible server, in this process on 127.0.0.1. It stores objects as files,
 * so "in memory" here is a temporary directory removed on stop. It knows one access key, its own;
 * the local stack's credentials are added, so the apps use the same ones for every service. Port 0
 * picks a free port. Clients need path-style addressing (see createS3Client in libs/domain).
 */
export async function startS3Server({ port, buckets, dataDir }: S3ServerOptions): Promise<LocalS3Server> {
  if (port !== 0) await assertPortFree(port, 'S3_PORT');
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), 'loyalty-s3-'));
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const removeDirectory = () => {
    if (dataDir === undefined) rmSync(directory, { recursive: true, force: true });
  };
  DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);
  const server = new S3rver({
    address: LOOPBACK_HOST,
    port,
    silent: true,
    directory,
    // Bucket names in the path only (no <bucket>.localhost host names).
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  let actualPort: number;
  try {
    ({ port: actualPort } = await server.run());
  } catch (error) {
    removeDirectory();
    throw error;
  }
  return {
    endpoint: `http://${LOOPBACK_HOST}:${actualPort}`,
    port: actualPort,
    stop: async () => {
      await server.close();
      removeDirectory();
    },
  };
}
