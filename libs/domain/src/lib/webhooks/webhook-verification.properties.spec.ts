import fc from 'fast-check';
import { connectionFor, providerNamed, representativeSamples, signedDelivery, withByteChanged } from './webhook-delivery.fixture';
import { WebhookProviderName } from './webhook-provider';

/** The signed headers of each provider: the signature and, where it is signed, the timestamp. */
const SIGNED_HEADERS: Record<WebhookProviderName, string[]> = {
  stripe: ['stripe-signature'],
  shopify: ['x-shopify-hmac-sha256'],
  hubspot: ['x-hubspot-signature-v3', 'x-hubspot-request-timestamp'],
  custom: ['x-signature', 'x-timestamp'],
};

describe.each(Object.keys(SIGNED_HEADERS) as WebhookProviderName[])('%s: any single change is refused', (name) => {
  const provider = providerNamed(name);
  const connection = connectionFor(name);
  const delivery = signedDelivery(representativeSamples[name]());

  it('refuses the body with any one byte changed to any other value', () => {
    fc.assert(
      fc.property(fc.nat({ max: delivery.body.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        // Prepare
        const tampered = { ...delivery, body: withByteChanged(delivery.body, index, delta) };

        // Act
        const verified = provider.verify(tampered, connection);

        // Assess
        expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a signed header with any one character changed to any other printable one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIGNED_HEADERS[name]), fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (header, at, code) => {
        // Prepare
        const value = delivery.headers[header] ?? '';
        const index = at % value.length;
        fc.pre(value.charCodeAt(index) !== code);
        const changed = `${value.slice(0, index)}${String.fromCharCode(code)}${value.slice(index + 1)}`;

        // Act
        const verified = provider.verify({ ...delivery, headers: { ...delivery.headers, [header]: changed } }, connection);

        // Assess
        expect(verified.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
