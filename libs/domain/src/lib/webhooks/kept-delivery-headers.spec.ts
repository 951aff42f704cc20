import { keptDeliveryHeaders, MAX_KEPT_HEADER_BYTES } from './kept-delivery-headers';
import { rawDeliveryKey } from './raw-delivery-key';

describe('keptDeliveryHeaders', () => {
  it('keeps what signatures and routing need, and never credentials', () => {
    // Act
    const kept = keptDeliveryHeaders({
      'content-type': 'application/json',
      'stripe-signature': 't=1,v1=abc',
      'x-shopify-hmac-sha256': 'abc=',
      'x-shopify-shop-domain': 'a.myshopify.com',
      'x-hubspot-signature-v3': 'sig',
      'x-signature': 'sha256=00',
      'x-timestamp': '1',
      'x-delivery-id': 'd1',
      authorization: 'Bearer t',
      cookie: 'a=b',
      'x-forwarded-for': '10.0.0.1',
      'x-amz-security-token': 'secret',
    });

    // Assess
    expect(Object.keys(kept)).toEqual([
      'content-type',
      'stripe-signature',
      'x-delivery-id',
      'x-hubspot-signature-v3',
      'x-shopify-hmac-sha256',
      'x-shopify-shop-domain',
      'x-signature',
      'x-timestamp',
    ]);
  });

  it('stays within the metadata budget however many and however long the headers', () => {
    // Prepare
    const headers = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`x-shopify-h${index}`, 'v'.repeat(5000)]));

    // Act
    const kept = keptDeliveryHeaders(headers);

    // Assess
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(MAX_KEPT_HEADER_BYTES);
    expect(Object.values(kept).every((value) => value.length === 512)).toBe(true);
  });
});

describe('rawDeliveryKey', () => {
  it('files a body by tenant, provider and UTC day, then its log id', () => {
    // Act
    const key = rawDeliveryKey('cafe', 'shopify', new Date('2026-11-21T23:59:59.999-02:00'), 'dlv_01');

    // Assess
    expect(key).toBe('cafe/shopify/2026/11/22/dlv_01');
  });
});
