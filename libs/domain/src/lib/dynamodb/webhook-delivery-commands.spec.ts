import { claimPut, deliveryPageQuery, heldClaim } from './webhook-delivery-commands';

const key = { tenantId: 'cafe', provider: 'stripe', deliveryId: 'evt_1' } as const;

describe('claimPut', () => {
  it('claims a delivery id that is free, lapsed, or `received` before the stale limit, and returns the claim it lost to', () => {
    // Prepare
    const at = new Date('2026-11-21T10:00:00.000Z');

    // Act
    const input = claimPut('table', key, { recordId: 'dlv_1', at, staleBefore: new Date(at.getTime() - 15_000), expiresAt: 1_800_000_000 });

    // Assess
    expect(input.Item).toEqual({
      PK: 'TENANT#cafe#WEBHOOK_CLAIM#stripe#evt_1',
      SK: 'CLAIM',
      entityType: 'WEBHOOK_CLAIM',
      ...key,
      status: 'received',
      recordId: 'dlv_1',
      claimedAt: at.getTime(),
      expiresAt: 1_800_000_000,
    });
    expect(input.ConditionExpression).toBe('attribute_not_exists(PK) OR #expiresAt < :now OR (#status = :received AND claimedAt < :staleBefore)');
    expect(input.ExpressionAttributeValues).toEqual({ ':now': at.getTime() / 1000, ':received': 'received', ':staleBefore': at.getTime() - 15_000 });
    expect(input.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });
});

describe('heldClaim', () => {
  it('reads the claim another attempt holds from the item a failed claim returns', () => {
    // Act & Assess
    expect(heldClaim({ status: { S: 'enqueued' }, recordId: { S: 'dlv_0' } })).toEqual({ state: 'enqueued', recordId: 'dlv_0' });
    expect(heldClaim({ status: { S: 'received' }, recordId: { S: 'dlv_0' } })).toEqual({ state: 'received', recordId: 'dlv_0' });
  });
});

describe('deliveryPageQuery', () => {
  it("reads the tenant's log newest first, filtered by the filters given only", () => {
    // Act
    const all = deliveryPageQuery('table', 'cafe', {});
    const rejectedStripe = deliveryPageQuery('table', 'cafe', { provider: 'stripe', verdict: 'rejected' });

    // Assess
    expect(all).toEqual({
      TableName: 'table',
      KeyConditionExpression: 'PK = :partition',
      ExpressionAttributeValues: { ':partition': 'TENANT#cafe#WEBHOOK_DELIVERIES' },
      ScanIndexForward: false,
    });
    expect(rejectedStripe).toMatchObject({
      FilterExpression: '#provider = :provider AND #verdict = :verdict',
      ExpressionAttributeNames: { '#provider': 'provider', '#verdict': 'verdict' },
      ExpressionAttributeValues: { ':partition': 'TENANT#cafe#WEBHOOK_DELIVERIES', ':provider': 'stripe', ':verdict': 'rejected' },
    });
  });
});
