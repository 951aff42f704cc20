import { S3Client } from '@aws-sdk/client-s3';

/**
 * The endpoint, region and credentials come from the SDK's standard environment, like the other
 * clients. An S3-compatible server at AWS_ENDPOINT_URL_S3 (s3rver in local runs) needs path-style
 * addressing, and checksums only where S3 requires them: with the SDK's default (checksums
 * whenever supported) streamed bodies reach such servers in aws-chunked framing, which they store
 * as the body.
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const compatibleServer = Boolean(env['AWS_ENDPOINT_URL_S3']);
  return new S3Client(
    compatibleServer
      ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {},
  );
}
