import { createDocumentClient, DynamoDbPointsAccountReader } from '@loyalty/domain';
import { buildOrderCompletedEvent } from '@loyalty/local-stack';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { handler, ledgerJobsHandler } from './main';
import { sqsRecord as record } from './testing/sqs-record.fixture';

// Runs the real handler against the DynamoDB Local that the integration test set-up starts.
const accounts = new DynamoDbPointsAccountReader(createDocumentClient(), process.env['TABLE_NAME'] ?? '');
const context = { awsRequestId: 'test', functionName: 'processor' } as Context;

/** An EventBridge envelope for order_… of user_1, as the e-commerce platform publishes it. */
const envelope = (tenantId: string, orderId: string, amount = '150.00') =>
  buildOrderCompletedEvent({ tenantId, userId: 'user_1', orderId, amount, currency: 'USD' });
const invoke = (...records: SQSRecord[]) => handler({ Records: records } as SQSEvent, context);

describe('event processor handler against DynamoDB Local', () => {
  it('credits 1 point per 10 currency units from an EventBridge envelope', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;

    // Act
    const response = await invoke(record(envelope(tenantId, 'order_1')));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, lifetimeEarned: 15 });
  });

  it('accepts a bare detail that names its type', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const bare = record(envelope(tenantId, 'order_1', '99.99').detail, {
      eventType: { dataType: 'String', stringValue: 'order.completed' },
    } as SQSRecord['messageAttributes']);

    // Act
    const response = await invoke(bare);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 9 });
  });

  it('credits an order once when it is delivered twice in one batch and again later', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const body = envelope(tenantId, 'order_1');

    // Act
    await invoke(record(body), record(body));
    const again = await invoke(record(body));

    // Assess
    expect(again.batchItemFailures).toEqual([]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, version: 1 });
  });

  it('reports only the bad records of a mixed batch and still applies the good ones', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const good = record(envelope(tenantId, 'order_1'));
    const notJson = record('{not json');
    const order2 = envelope(tenantId, 'order_2');
    const invalid = record({ ...order2, detail: { ...order2.detail, amount: -5, currency: 'dollars' } });
    const untyped = record(envelope(tenantId, 'order_3').detail);
    const unsupported = record({ ...envelope(tenantId, 'order_4'), 'detail-type': 'order.teleported' });
    const conflicting = record(envelope(tenantId, 'order_1', '990.00'));

    // Act
    const response = await invoke(good, notJson, invalid, untyped, unsupported);
    const conflict = await invoke(conflicting);

    // Assess
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      [notJson, invalid, untyped, unsupported].map((bad) => bad.messageId).sort(),
    );
    expect(conflict.batchItemFailures).toEqual([{ itemIdentifier: conflicting.messageId }]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 15, version: 1 });
  });

  it('takes points back for order.refunded (partial, once per refund) and order.cancelled', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const change = (type: string, detail: object, eventId: string) =>
      record({ 'detail-type': type, source: 'ecommerce.platform', id: eventId, time: new Date().toISOString(), detail: { tenantId, orderId: 'order_1', eventId, ...detail } });
    await invoke(record(envelope(tenantId, 'order_1', '200.00')));
    const partial = change('order.refunded', { amount: 50 }, 'evt_1');

    // Act
    const refunded = await invoke(partial, partial);
    const cancelled = await invoke(change('order.cancelled', {}, 'evt_2'));

    // Assess
    expect(refunded.batchItemFailures).toEqual([]);
    expect(cancelled.batchItemFailures).toEqual([]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 0, lifetimeEarned: 0, version: 3 });
  });

  it('retries a refund that arrives before its order instead of rejecting it', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const early = record({ 'detail-type': 'order.refunded', source: 'ecommerce.platform', id: 'evt_1', time: new Date().toISOString(), detail: { tenantId, orderId: 'order_9', eventId: 'evt_1' } });

    // Act
    const before = await invoke(early);
    await invoke(record(envelope(tenantId, 'order_9')));
    const after = await invoke(early);

    // Assess
    expect(before.batchItemFailures).toEqual([{ itemIdentifier: early.messageId }]);
    expect(after.batchItemFailures).toEqual([]);
    expect(await accounts.getAccount(tenantId, 'user_1')).toMatchObject({ available: 0 });
  });

  it('credits the signup bonus of user.created once, however often it arrives', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const signup = record({
      'detail-type': 'user.created',
      source: 'loyalty.api',
      id: 'evt_1',
      time: new Date().toISOString(),
      detail: { tenantId, eventId: 'evt_1', userId: 'user_new' },
    });

    // Act
    const first = await invoke(signup, signup);
    const again = await invoke(signup);

    // Assess
    expect([first, again]).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(await accounts.getAccount(tenantId, 'user_new')).toMatchObject({ available: 100, lifetimeEarned: 100, version: 1 });
  });

  it('runs the scheduled ledger jobs within the time the invocation has left', async () => {
    // Act
    const summary = await ledgerJobsHandler({} as never, { ...context, getRemainingTimeInMillis: () => 20_000 });

    // Assess
    expect(summary).toMatchObject({ incomplete: false });
  });
});
