import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DeliveryClaimKey, DeliveryClaimRequest } from '../webhooks/webhook-delivery-claims';
import type { WebhookDeliveryFilter } from '../webhooks/webhook-delivery-log';
import type { WebhookDeliveryRecord } from '../webhooks/webhook-delivery-record';
import { TTL_ATTRIBUTE } from './create-table-input';
import { keys, webhookDeliveriesPartition } from './keys';

/** A log record; log ids are unique, and a record is never overwritten. */
export function deliveryRecordPut(tableName: string, record: WebhookDeliveryRecord): PutCommandInput {
  return {
    TableName: tableName,
    // The record's expiresAt is the table's TTL attribute: the retention applies by itself.
    Item: { ...keys.webhookDelivery(record.tenantId, record.id), entityType: 'WEBHOOK_DELIVERY', ...record },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/** A page of the tenant's log, newest first, with the filters given. */
export function deliveryPageQuery(tableName: string, tenantId: string, filter: WebhookDeliveryFilter): QueryCommandInput {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':partition': webhookDeliveriesPartition(tenantId) };
  for (const field of ['provider', 'verdict'] as const) {
    if (filter[field] === undefined) continue;
    conditions.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = filter[field];
  }
  return {
    TableName: tableName,
    KeyConditionExpression: 'PK = :partition',
    ...(conditions.length > 0 && { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
}

const RECEIVED = 'received';
const ENQUEUED = 'enqueued';

/**
 * Takes the claim on a delivery id: when there is none, when it has lapsed (DynamoDB's TTL removes
 * items late), or when it is a `received` claim older than `staleBefore` (its attempt crashed).
 * Concurrent copies are serialized on the item: one put wins, the others see its claim.
 */
export function claimPut(tableName: string, key: DeliveryClaimKey, request: DeliveryClaimRequest): PutCommandInput {
  const nowSeconds = Math.floor(request.at.getTime() / 1000);
  return {
    TableName: tableName,
    Item: {
      ...keys.webhookClaim(key.tenantId, key.provider, key.deliveryId),
      entityType: 'WEBHOOK_CLAIM',
      ...key,
      status: RECEIVED,
      recordId: request.recordId,
      claimedAt: request.at.getTime(),
      [TTL_ATTRIBUTE]: request.expiresAt,
    },
    ConditionExpression:
      'attribute_not_exists(PK) OR #expiresAt < :now OR (#status = :received AND claimedAt < :staleBefore)',
    ExpressionAttributeNames: { '#expiresAt': TTL_ATTRIBUTE, '#status': 'status' },
    ExpressionAttributeValues: { ':now': nowSeconds, ':received': RECEIVED, ':staleBefore': request.staleBefore.getTime() },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

export function claimEnqueued(tableName: string, key: DeliveryClaimKey): UpdateCommandInput {
  return {
    TableName: tableName,
    Key: keys.webhookClaim(key.tenantId, key.provider, key.deliveryId),
    UpdateExpression: 'SET #status = :enqueued',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':enqueued': ENQUEUED },
  };
}

/**
 * The state of a claim another attempt holds, from the item a failed claim returns (in DynamoDB's
 * own format: the document client does not convert an exception's item).
 */
export function heldClaim(item: Record<string, AttributeValue>): { state: 'received' | 'enqueued'; recordId: string } {
  return { state: item['status']?.S === ENQUEUED ? 'enqueued' : 'received', recordId: item['recordId']?.S ?? '' };
}
