import { webhookConnectionSettings } from './webhook-connection-settings';

const SECRET = 'whsec_0123456789abcdef';

describe('webhookConnectionSettings', () => {
  it('keeps one or two distinct secrets, and a Shopify shop domain in lower case', () => {
    // Act
    const shopify = webhookConnectionSettings('shopify', { secrets: [SECRET, `${SECRET}-old`], shopDomain: ' Cafe-Lumiere.MyShopify.com ' });
    const hubspot = webhookConnectionSettings('hubspot', { secrets: [SECRET], signatureVersions: ['v3', 'v1'] });

    // Assess
    expect(shopify).toEqual({ ok: true, value: { secrets: [SECRET, `${SECRET}-old`], shopDomain: 'cafe-lumiere.myshopify.com' } });
    expect(hubspot).toEqual({ ok: true, value: { secrets: [SECRET], signatureVersions: ['v3', 'v1'] } });
  });

  it.each([
    ['no secret', 'custom', { secrets: [] }, 'secrets'],
    ['three secrets', 'custom', { secrets: [SECRET, `${SECRET}1`, `${SECRET}2`] }, 'secrets'],
    ['a secret of 15 characters', 'stripe', { secrets: ['x'.repeat(15)] }, 'secrets'],
    ['a secret with a space', 'stripe', { secrets: [`${SECRET} x`] }, 'secrets'],
    ['one secret twice', 'stripe', { secrets: [SECRET, SECRET] }, 'secrets'],
    ['signature versions outside HubSpot', 'stripe', { secrets: [SECRET], signatureVersions: ['v3'] }, 'signatureVersions'],
    ['no signature version', 'hubspot', { secrets: [SECRET], signatureVersions: [] }, 'signatureVersions'],
    ['an unknown signature version', 'hubspot', { secrets: [SECRET], signatureVersions: ['v4'] }, 'signatureVersions'],
    ['a shop domain outside Shopify', 'custom', { secrets: [SECRET], shopDomain: 'a.myshopify.com' }, 'shopDomain'],
    ['a domain that is not a shop', 'shopify', { secrets: [SECRET], shopDomain: 'a.myshopify.com.evil.example' }, 'shopDomain'],
  ] as const)('refuses %s, naming the field', (_case, provider, settings, field) => {
    // Act
    const result = webhookConnectionSettings(provider, settings as never);

    // Assess
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.details['fields'] as object)).toEqual([field]);
  });
});
