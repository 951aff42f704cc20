import type { SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

/** An SQS record as Lambda hands it to the processor, carrying `body` (JSON-encoded unless a string). */
export function sqsRecord(body: unknown, messageAttributes: SQSRecord['messageAttributes'] = {}): SQSRecord {
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes,
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:loyalty-local-events',
    awsRegion: 'us-east-1',
  };
}
