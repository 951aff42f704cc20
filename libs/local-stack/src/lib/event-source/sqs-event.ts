import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type {
  SQSEvent,
  SQSMessageAttribute,
  SQSMessageAttributes,
  SQSRecord,
  SQSRecordAttributes,
} from 'aws-lambda';

export interface EventSourceQueue {
  queueArn: string;
  region: string;
}

/** Builds the event Lambda's SQS event source mapping hands to a function for these messages. */
export function toSqsEvent(
  messages: Message[],
  queue: EventSourceQueue,
): SQSEvent {
  return { Records: messages.map((message) => toSqsRecord(message, queue)) };
}

function toSqsRecord(
  message: Message,
  { queueArn, region }: EventSourceQueue,
): SQSRecord {
  if (!message.MessageId || !message.ReceiptHandle) {
    throw new Error(
      'SQS returned a message without MessageId or ReceiptHandle',
    );
  }
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body ?? '',
    // ReceiveMessage asked for all system attributes, so the mandatory ones are present.
    attributes: (message.Attributes ?? {}) as SQSRecordAttributes,
    messageAttributes: toLambdaMessageAttributes(
      message.MessageAttributes ?? {},
    ),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes && {
      md5OfMessageAttributes: message.MD5OfMessageAttributes,
    }),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/** SQS's API shape (PascalCase, binary as bytes) to Lambda's (camelCase, binary as base64). */
function toLambdaMessageAttributes(
  attributes: Record<string, MessageAttributeValue>,
): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes).map(
      ([name, value]): [string, SQSMessageAttribute] => [
        name,
        {
          ...(value.StringValue !== undefined && {
            stringValue: value.StringValue,
          }),
          ...(value.BinaryValue !== undefined && {
            binaryValue: toBase64(value.BinaryValue),
          }),
          stringListValues: value.StringListValues ?? [],
          binaryListValues: (value.BinaryListValues ?? []).map(toBase64),
          dataType: value.DataType ?? 'String',
        },
      ],
    ),
  );
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
