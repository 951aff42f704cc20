import type { Message } from '@aws-sdk/client-sqs';
import { toSqsEvent } from './sqs-event';

const queue = {
  queueArn: 'arn:aws:sqs:us-east-1:000000000000:loyalty-local-events',
  region: 'us-east-1',
};

describe('toSqsEvent', () => {
  it('builds one AWS-shaped record per message', () => {
    // Prepare
    const message: Message = {
      MessageId: 'm-1',
      ReceiptHandle: 'rh-1',
      Body: '{"detail-type":"order.completed"}',
      MD5OfBody: 'md5-body',
      Attributes: {
        ApproximateReceiveCount: '2',
        SentTimestamp: '1700000000000',
        SenderId: '000000000000',
        ApproximateFirstReceiveTimestamp: '1700000000100',
      },
    };

    // Act
    const event = toSqsEvent([message], queue);

    // Assess
    expect(event).toEqual({
      Records: [
        {
          messageId: 'm-1',
          receiptHandle: 'rh-1',
          body: '{"detail-type":"order.completed"}',
          attributes: {
            ApproximateReceiveCount: '2',
            SentTimestamp: '1700000000000',
            SenderId: '000000000000',
            ApproximateFirstReceiveTimestamp: '1700000000100',
          },
          messageAttributes: {},
          md5OfBody: 'md5-body',
          eventSource: 'aws:sqs',
          eventSourceARN:
            'arn:aws:sqs:us-east-1:000000000000:loyalty-local-events',
          awsRegion: 'us-east-1',
        },
      ],
    });
  });

  it("converts message attributes to Lambda's camelCase shape with base64 binaries", () => {
    // Prepare
    const message: Message = {
      MessageId: 'm-1',
      ReceiptHandle: 'rh-1',
      Body: 'body',
      MD5OfBody: 'md5-body',
      MD5OfMessageAttributes: 'md5-attributes',
      MessageAttributes: {
        tenantId: { DataType: 'String', StringValue: 'demo' },
        signature: { DataType: 'Binary', BinaryValue: Buffer.from('sig') },
      },
    };

    // Act
    const [record] = toSqsEvent([message], queue).Records;

    // Assess
    expect(record.messageAttributes).toEqual({
      tenantId: {
        dataType: 'String',
        stringValue: 'demo',
        stringListValues: [],
        binaryListValues: [],
      },
      signature: {
        dataType: 'Binary',
        binaryValue: Buffer.from('sig').toString('base64'),
        stringListValues: [],
        binaryListValues: [],
      },
    });
    expect(record.md5OfMessageAttributes).toBe('md5-attributes');
  });

  it('refuses a message it could never delete', () => {
    // Prepare
    const message: Message = { MessageId: 'm-1', Body: 'body' };

    // Act
    const build = () => toSqsEvent([message], queue);

    // Assess
    expect(build).toThrow('without MessageId or ReceiptHandle');
  });
});
