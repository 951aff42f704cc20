import type { StoredWebhookConnection } from '../webhooks/stored-webhook-connection';
import { connectionDelete, connectionSave } from './webhook-connection-commands';

const connection: StoredWebhookConnection = {
  tenantId: 'cafe',
  provider: 'shopify',
  secrets: ['whsec_0123456789abcdef'],
  shopDomain: 'cafe.myshopify.com',
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};

describe('connectionSave', () => {
  it('creates a connection that does not exist yet, and claims its shop domain unless another tenant holds it', () => {
    // Act
    const { input, names } = connectionSave('table', connection, undefined);

    // Assess
    expect(names).toEqual(['connection', 'shop']);
    const [put, shop] = input.TransactItems ?? [];
    expect(put?.Put).toMatchObject({ Item: { PK: 'TENANT#cafe#WEBHOOKS', SK: 'CONNECTION#shopify', ...connection }, ConditionExpression: 'attribute_not_exists(PK)' });
    expect(shop?.Put).toMatchObject({
      Item: { PK: 'SHOPIFY_SHOP#cafe.myshopify.com', SK: 'TENANT', tenantId: 'cafe' },
      ConditionExpression: 'attribute_not_exists(PK) OR tenantId = :tenantId',
    });
  });

  it('replaces the connection it was read as, moving the shop domain: the old one released', () => {
    // Prepare
    const next = { ...connection, shopDomain: 'cafe-2.myshopify.com', updatedAt: '2026-11-22T10:00:00.000Z' };

    // Act
    const { input, names } = connectionSave('table', next, connection);

    // Assess
    expect(names).toEqual(['connection', 'shop', 'release']);
    const [put, , release] = input.TransactItems ?? [];
    expect(put?.Put).toMatchObject({ ConditionExpression: '#updatedAt = :previousUpdatedAt', ExpressionAttributeValues: { ':previousUpdatedAt': connection.updatedAt } });
    expect(release?.Delete).toMatchObject({ Key: { PK: 'SHOPIFY_SHOP#cafe.myshopify.com', SK: 'TENANT' }, ExpressionAttributeValues: { ':tenantId': 'cafe' } });
  });

  it('leaves the shop index alone when the domain does not change', () => {
    // Act
    const { names } = connectionSave('table', { ...connection, secrets: ['whsec_next_0123456789'] }, connection);

    // Assess
    expect(names).toEqual(['connection']);
  });
});

describe('connectionDelete', () => {
  it('removes the connection and releases its shop domain', () => {
    // Act
    const input = connectionDelete('table', connection);

    // Assess
    expect(input.TransactItems?.map((item) => item.Delete?.Key)).toEqual([
      { PK: 'TENANT#cafe#WEBHOOKS', SK: 'CONNECTION#shopify' },
      { PK: 'SHOPIFY_SHOP#cafe.myshopify.com', SK: 'TENANT' },
    ]);
  });
});
