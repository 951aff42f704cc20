import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createTableInput, DynamoDbEventOutbox, EventDelivery, SqsEventPublisher } from '@loyalty/domain';
import { signToken } from '@loyalty/local-stack';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  campaignCreationQueries,
  hostileCampaignChanges,
  hostileCampaignQueries,
  hostileCampaigns,
  unknownCampaignIds,
} from '../campaigns/hostile-campaign-input.fixture';
import { hostileTenantChanges, hostileTenantCreations, unknownTenantIds } from '../tenants/hostile-tenant-input.fixture';
import { hostilePageQueries } from '../testing/hostile-input.fixture';
import { assertRoutesRefuseHostileRequests, fuzzRoute } from '../testing/route-fuzz.fixture';
import { hostileLookups, hostileProfileChanges, hostileSignups, unknownUserIds } from '../users/hostile-user-input.fixture';
import {
  hostileConnectionSettings,
  hostileDeliveryQueries,
  unknownDeliveryIds,
  unsignedDeliveries,
  webhookProviderNames,
} from '../webhooks/hostile-webhook-input.fixture';
import { WEBHOOK_EVENT_PUBLISHER } from '../webhooks/webhook-intake.providers';
import {
  hostileAdjustments,
  hostileHistoryQueries,
  hostileOrderChanges,
  hostileOrderQueries,
  hostileOrders,
  hostileRedemptions,
  malformedIds,
  unknownOrderIds,
} from '../points/hostile-ledger-input.fixture';
import { startTestApp } from '../testing/start-test-app';

/*
 * Random hostile requests (bodies, headers, paths, queries, tokens) against the real app, DynamoDB
 * Local and SQS: each must get a 4xx in the error envelope and change nothing, neither the tenant's
 * records nor the events queue. A new endpoint joins with one line in the route table.
 *
 * The fingerprint covers every partition whose key starts with the tenant's: the tenant itself and
 * the tenants named `${tenantId}-…`, which are the only other tenants the requests name (in bodies,
 * paths and X-Tenant-Id), so a write to any tenant a request could reach shows. The one exception
 * is the webhook raw log, which every refused delivery is meant to write.
 */
const secret = process.env['JWT_SECRET'] ?? '';
/**
 * A table of its own: the fingerprint scans it whole, and a scan of the shared table, which other
 * test files write to at the same time, is paginated over their items too and is not a snapshot.
 */
const tableName = `fuzz-${randomUUID()}`;
const client = createDocumentClient();
const sqs = new SQSClient({});

describe('the API under hostile requests', () => {
  let app: NestExpressApplication;
  let queueUrl: string;
  const tenantId = `t-${randomUUID()}`;
  const tokenFor = (role: string, sub = `${role}_1`) => signToken({ sub, tenantId, role }, secret);

  /** Everything this tenant holds in the table, and the queue's messages. */
  async function fingerprint(): Promise<string> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: 'begins_with(PK, :tenant) AND NOT contains(PK, :rawLog)',
          ExpressionAttributeValues: { ':tenant': `TENANT#${tenantId}`, ':rawLog': '#WEBHOOK_DELIVERIES' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    const records = items.map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
    return createHash('sha256').update(JSON.stringify({ records, queue: Attributes })).digest('hex');
  }

  beforeAll(async () => {
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `fuzz-${randomUUID()}` })));
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    process.env['TABLE_NAME'] = tableName; // read by the app's configuration when it is imported
    const { AppModule } = await import('./app.module');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(EventDelivery)
      .useValue(new EventDelivery(new SqsEventPublisher(sqs, queueUrl), new DynamoDbEventOutbox(client, tableName)))
      .overrideProvider(WEBHOOK_EVENT_PUBLISHER)
      .useValue(new SqsEventPublisher(sqs, queueUrl))
      .compile();
    app = await startTestApp(moduleRef);
  });

  afterAll(async () => {
    await app.close();
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('answers every hostile request with a 4xx envelope and writes nothing', async () => {
    // Prepare
    const admin = await tokenFor('admin');
    const tenant = await request(app.getHttpServer()).post('/tenants').auth(admin, { type: 'bearer' }).send({ tenantId, name: 'Fuzz Shop' });
    expect(tenant.status).toBe(201);
    const campaign = await request(app.getHttpServer())
      .post('/campaigns')
      .auth(await tokenFor('owner'), { type: 'bearer' })
      .send({ name: 'Double points', type: 'purchase_multiplier', multiplier: 2 });
    expect(campaign.status).toBe(201);
    const otherTenantId = `${tenantId}-other`;
    for (const provider of ['custom', 'stripe', 'shopify', 'hubspot']) {
      const connected = await request(app.getHttpServer())
        .put(`/tenants/${tenantId}/webhooks/${provider}`)
        .auth(admin, { type: 'bearer' })
        .send({ secrets: ['whsec_fuzz_connected_0123456789ab'] });
      expect(connected.status).toBe(200);
    }
    const signup = await request(app.getHttpServer())
      .post('/users')
      .auth(await tokenFor('owner'), { type: 'bearer' })
      .send({ email: `ada-${randomUUID()}@example.com`, name: 'Ada Lovelace', phone: '+14155550123' });
    expect(signup.status).toBe(201);
    const { userId } = signup.body.data;
    const { Count: stored = 0 } = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }));
    expect(stored).toBeGreaterThan(0); // the app writes to this test's own table, which the fingerprint scans
    const userIds = fc.oneof(unknownUserIds, fc.constant(userId));
    const routes = [
      fuzzRoute('POST /users', { body: hostileSignups }),
      fuzzRoute('GET /users', { query: hostileLookups }),
      fuzzRoute('GET /users/{userId}', { params: { userId: unknownUserIds } }),
      fuzzRoute('PATCH /users/{userId}', { params: { userId: userIds }, body: hostileProfileChanges }),
      fuzzRoute('GET /users/{userId}/export', { params: { userId: unknownUserIds } }),
      fuzzRoute('DELETE /users/{userId}', { params: { userId: unknownUserIds } }),
      fuzzRoute('GET /points/{userId}', { params: { userId: malformedIds } }),
      fuzzRoute('GET /points/{userId}/history', { params: { userId: fc.oneof(malformedIds, fc.constant(userId)) }, query: hostileHistoryQueries }),
      fuzzRoute('POST /points/{userId}/redeem', { params: { userId: userIds }, body: hostileRedemptions }),
      fuzzRoute('POST /points/{userId}/adjust', { params: { userId: userIds }, body: hostileAdjustments }),
      fuzzRoute('POST /orders', { body: hostileOrders }),
      fuzzRoute('GET /orders', { query: hostileOrderQueries }),
      fuzzRoute('GET /orders/{orderId}', { params: { orderId: unknownOrderIds } }),
      fuzzRoute('PATCH /orders/{orderId}', { params: { orderId: unknownOrderIds }, body: hostileOrderChanges }),
      fuzzRoute('POST /points/estimate', { body: hostileOrders }),
      fuzzRoute('POST /tenants', { body: fc.oneof(hostileTenantCreations(`${tenantId}-new`), hostileTenantCreations(tenantId)) }),
      fuzzRoute('GET /tenants/{tenantId}', { params: { tenantId: unknownTenantIds(tenantId) } }),
      fuzzRoute('PATCH /tenants/{tenantId}', { params: { tenantId: fc.oneof(unknownTenantIds(tenantId), fc.constant(tenantId)) }, body: hostileTenantChanges }),
      fuzzRoute('GET /audit', { query: hostilePageQueries }),
      fuzzRoute('POST /campaigns', { body: hostileCampaigns, query: campaignCreationQueries }),
      fuzzRoute('GET /campaigns', { query: hostileCampaignQueries }),
      fuzzRoute('GET /campaigns/{campaignId}', { params: { campaignId: unknownCampaignIds } }),
      fuzzRoute('PATCH /campaigns/{campaignId}', {
        params: { campaignId: fc.oneof(unknownCampaignIds, fc.constant(campaign.body.data.campaignId as string)) },
        body: hostileCampaignChanges,
      }),
      fuzzRoute('POST /campaigns/{campaignId}/activate', { params: { campaignId: unknownCampaignIds } }),
      fuzzRoute('POST /campaigns/{campaignId}/pause', { params: { campaignId: unknownCampaignIds } }),
      fuzzRoute('POST /webhooks/{provider}/{tenantId}', {
        params: { provider: webhookProviderNames, tenantId: fc.oneof(fc.constant(tenantId), unknownTenantIds(tenantId)) },
        body: unsignedDeliveries,
      }),
      fuzzRoute('POST /webhooks/{provider}', { params: { provider: webhookProviderNames }, body: unsignedDeliveries }),
      fuzzRoute('GET /tenants/{tenantId}/webhooks', { params: { tenantId: unknownTenantIds(tenantId) } }),
      fuzzRoute('PUT /tenants/{tenantId}/webhooks/{provider}', {
        params: { tenantId: fc.oneof(fc.constant(tenantId), unknownTenantIds(tenantId)), provider: webhookProviderNames },
        body: hostileConnectionSettings,
      }),
      fuzzRoute('DELETE /tenants/{tenantId}/webhooks/{provider}', { params: { tenantId: unknownTenantIds(tenantId), provider: webhookProviderNames } }),
      fuzzRoute('GET /webhooks/deliveries', { query: hostileDeliveryQueries }),
      fuzzRoute('POST /webhooks/deliveries/{id}/replay', { params: { id: unknownDeliveryIds } }),
    ];
    const tokens = await Promise.all([
      ...['customer', 'staff', 'owner', 'admin', 'system'].map((role) => tokenFor(role)),
      tokenFor('customer', userId),
    ]);

    // Act & Assess
    await assertRoutesRefuseHostileRequests(app.getHttpServer(), routes, { tokens, fingerprint, numRuns: 400, tenantIds: [tenantId, otherTenantId] });
  }, 120_000);
});
