import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createS3Client } from './s3-client';
import { S3RawDeliveryStore } from './s3-raw-delivery-store';

// Runs against the s3rver that the integration test set-up starts (AWS_ENDPOINT_URL_S3, WEBHOOK_BUCKET).
const bucket = process.env['WEBHOOK_BUCKET'] ?? '';
const client = createS3Client();
const store = new S3RawDeliveryStore(client, bucket);

describe('S3RawDeliveryStore against s3rver', () => {
  afterAll(() => client.destroy());

  it('gives back a delivery byte for byte, with its request line and the headers worth keeping', async () => {
    // Prepare
    const key = `t-${randomUUID()}/stripe/2026/11/21/dlv_1`;
    const body = Buffer.concat([Buffer.from('{"id":"evt_1","note":"café ☕"}\n'), randomBytes(256 * 1024), Buffer.from([0, 0xff, 0xfe])]);
    const delivery = {
      method: 'POST',
      url: 'https://api.example.com/webhooks/stripe/t-1?x=é',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc', authorization: 'Bearer secret', cookie: 'a=b' },
      body,
      receivedAt: new Date('2026-11-21T10:00:00.000Z'),
    };

    // Act
    await store.put(key, delivery);
    const stored = await store.get(key);

    // Assess
    expect(stored?.body.equals(body)).toBe(true);
    expect(stored).toMatchObject({
      method: 'POST',
      url: delivery.url,
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
      receivedAt: delivery.receivedAt,
    });
    expect(stored?.headers).not.toHaveProperty('authorization');
    expect(stored?.headers).not.toHaveProperty('cookie');
  });

  it('has nothing for a key it never stored (or whose retention ran out)', async () => {
    // Act
    const stored = await store.get(`t-${randomUUID()}/custom/2026/01/01/dlv_none`);

    // Assess
    expect(stored).toBeUndefined();
  });

  it('stores a streamed body without chunk framing: the client checksums only where S3 requires them', async () => {
    // Prepare
    const key = `streams/${randomUUID()}`;
    const body = randomBytes(64 * 1024);

    // Act
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Readable.from([body.subarray(0, 1000), body.subarray(1000)]), ContentLength: body.length }));
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));

    // Assess
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
  });
});
