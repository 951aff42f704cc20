import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../config/naming';
import { findFreePort } from '../net/free-port';
import { startS3Server } from './s3-server';

/** As the apps' client is set up for an S3-compatible server, with the local stack's credentials. */
function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

describe('startS3Server', () => {
  it("serves its buckets to the local stack's credentials, and removes its temporary directory on stop", async () => {
    // Prepare
    const before = new Set(readdirSync(tmpdir()));
    const server = await startS3Server({ port: 0, buckets: ['loyalty-local-webhooks'] });
    const [directory] = readdirSync(tmpdir()).filter((name) => !before.has(name) && name.startsWith('loyalty-s3-'));
    const s3 = localS3Client(server.endpoint);

    // Act
    await s3.send(new PutObjectCommand({ Bucket: 'loyalty-local-webhooks', Key: 'a/b', Body: Buffer.from('raw') }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'loyalty-local-webhooks', Key: 'a/b' }));
    const body = await object.Body?.transformToString();
    s3.destroy();
    await server.stop();

    // Assess
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(body).toBe('raw');
    expect(directory).toBeDefined();
    expect(existsSync(join(tmpdir(), directory ?? 'none'))).toBe(false);
  });

  it('keeps objects in the data directory across runs when given one', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 's3-data-'));
    const first = await startS3Server({ port: 0, buckets: ['kept'], dataDir });
    const writer = localS3Client(first.endpoint);
    await writer.send(new PutObjectCommand({ Bucket: 'kept', Key: 'k', Body: Buffer.from('still here') }));
    writer.destroy();
    await first.stop();

    // Act
    const second = await startS3Server({ port: 0, buckets: ['kept'], dataDir });
    const reader = localS3Client(second.endpoint);
    const object = await reader.send(new GetObjectCommand({ Bucket: 'kept', Key: 'k' }));
    const body = await object.Body?.transformToString();
    reader.destroy();
    await second.stop();
    rmSync(dataDir, { recursive: true, force: true });

    // Assess
    expect(body).toBe('still here');
  });

  it('fails clearly when the port is taken', async () => {
    // Prepare
    const port = await findFreePort();
    const first = await startS3Server({ port, buckets: [] });

    // Act
    const second = startS3Server({ port, buckets: [] });

    // Assess
    await expect(second).rejects.toThrow(`Port ${port} is already in use; choose another one with S3_PORT`);
    await first.stop();
  });
});
