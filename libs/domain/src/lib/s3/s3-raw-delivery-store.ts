import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { RawDeliveryStore } from '../webhooks/raw-delivery-store';
import type { RawDelivery } from '../webhooks/webhook-provider';
import { keptDeliveryHeaders } from '../webhooks/kept-delivery-headers';

/**
 * Raw deliveries as S3 objects: the object is the body, byte for byte (a download is exactly what
 * the provider sent); the method, URL, receipt time and the headers its signature needs are the
 * object's metadata. The bucket encrypts and expires objects (serverless.yml).
 */
export class S3RawDeliveryStore implements RawDeliveryStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, delivery: RawDelivery): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: delivery.body,
        ContentType: delivery.headers['content-type'] ?? 'application/octet-stream',
        Metadata: {
          method: delivery.method,
          // Metadata is ASCII: the URL and header values are kept base64url-encoded.
          url: Buffer.from(delivery.url).toString('base64url'),
          'received-at': delivery.receivedAt.toISOString(),
          headers: Buffer.from(JSON.stringify(keptDeliveryHeaders(delivery.headers))).toString('base64url'),
        },
      }),
    );
  }

  async get(key: string): Promise<RawDelivery | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const metadata = object.Metadata ?? {};
      return {
        method: metadata['method'] ?? 'POST',
        url: Buffer.from(metadata['url'] ?? '', 'base64url').toString('utf8'),
        headers: JSON.parse(Buffer.from(metadata['headers'] ?? 'e30', 'base64url').toString('utf8')) as Record<string, string>,
        body: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
        receivedAt: new Date(metadata['received-at'] ?? 0),
      };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
