import type { APIGatewayProxyEventV2, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import {
  LOCAL_ACCOUNT_ID,
  LOCAL_EVENTS_QUEUE_NAME,
  LOCAL_REGION,
} from '../config/naming';
import {
  buildOrderCompletedEvent,
  type OrderCompletedInput,
} from '../events/order-completed-event';

/** The amount of every bench order: 15 points under the default earning rule. */
export const BENCH_ORDER_AMOUNT = '150.00';

/** An SQS record carrying an order.completed EventBridge envelope, as the event source mapping delivers it. */
export function orderRecord(input: OrderCompletedInput): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: JSON.stringify(buildOrderCompletedEvent(input)),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: now,
      SenderId: LOCAL_ACCOUNT_ID,
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${LOCAL_EVENTS_QUEUE_NAME}`,
    awsRegion: LOCAL_REGION,
  };
}

/** Cuts records into SQS events of at most `batchSize` records. */
export function toBatches(
  records: readonly SQSRecord[],
  batchSize: number,
): SQSEvent[] {
  const batches: SQSEvent[] = [];
  for (let start = 0; start < records.length; start += batchSize) {
    batches.push({ Records: records.slice(start, start + batchSize) });
  }
  return batches;
}

/** One order per customer (user_0 … user_n-1), order ids unique within the tenant. */
export function ordersOfDistinctCustomers(
  tenantId: string,
  count: number,
): SQSRecord[] {
  return Array.from({ length: count }, (_, index) =>
    orderRecord({
      tenantId,
      userId: `user_${index}`,
      orderId: `order_${index}`,
      amount: BENCH_ORDER_AMOUNT,
      currency: 'USD',
    }),
  );
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  /** A bearer token; none for public routes (health). */
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An API Gateway HTTP API (payload 2.0) event, as serverless.yml's httpApi route delivers it. */
export function apiGatewayEvent({
  method,
  path,
  token,
  body,
  headers = {},
}: ApiRequest): APIGatewayProxyEventV2 {
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      host: 'api.example.com',
      'user-agent': 'loyalty-bench',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: 'bench',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'loyalty-bench',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  };
}
