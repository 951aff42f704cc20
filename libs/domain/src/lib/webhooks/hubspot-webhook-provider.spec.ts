import { Signature } from '@hubspot/api-client';
import fc from 'fast-check';
import { ValidationError } from '../shared/validation-error';
import { HubSpotWebhookProvider, hubspotSignedUri } from './hubspot-webhook-provider';
import {
  hubspotContactChangedSample,
  hubspotContactCreatedSample,
  hubspotContactPrivacyDeletionSample,
  hubspotSample,
} from './samples/hubspot-samples';
import { WebhookSample } from './samples/webhook-sample';
import { connectionFor, RECEIVED_AT, SECRET, secondsBefore, signedDelivery, TENANT } from './webhook-delivery.fixture';
import { RawDelivery } from './webhook-provider';

const provider = new HubSpotWebhookProvider();
const connection = connectionFor('hubspot');

/** The secret and the v1 request of HubSpot's documentation, with the hash it documents. */
const DOCUMENTED_SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const DOCUMENTED_BODY =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';

function legacyDelivery(version: 'v1' | 'v2', signature: string, overrides: Partial<RawDelivery> = {}): RawDelivery {
  return {
    method: 'POST',
    url: 'https://www.example.com/webhook_uri',
    headers: { 'x-hubspot-signature': signature, 'x-hubspot-signature-version': version },
    body: Buffer.from(DOCUMENTED_BODY),
    receivedAt: RECEIVED_AT,
    ...overrides,
  };
}

function verifyAndMap(sample: WebhookSample) {
  const verified = provider.verify(signedDelivery(sample), connection);
  if (!verified.ok) throw verified.error;
  return provider.map(verified.value, TENANT);
}

describe('HubSpot v3 signatures', () => {
  const sample = hubspotContactCreatedSample({ objectId: 512, email: 'ada@example.com' });

  it('signs the URI with the characters of HubSpot\'s table decoded, and no others', () => {
    // Prepare
    const encoded = 'https://api.example.com/webhooks/hubspot?tenant=t1&from=a%40b.com&at=10%3A00%2c11%3A00&q=a%20b';
    const decoded = 'https://api.example.com/webhooks/hubspot?tenant=t1&from=a@b.com&at=10:00,11:00&q=a%20b';
    const signedAsHubSpot = signedDelivery(sample, { url: decoded });

    // Act
    const uri = hubspotSignedUri(encoded);
    const verified = provider.verify({ ...signedAsHubSpot, url: encoded }, connection);

    // Assess
    expect(uri).toBe(decoded);
    expect(verified.ok).toBe(true);
  });

  it('refuses a signature made for another URL, method or timestamp', () => {
    // Prepare
    const signed = signedDelivery(sample);
    const timestamp = String(Number(signed.headers['x-hubspot-request-timestamp']) + 1);

    // Act
    const otherUrl = provider.verify({ ...signed, url: `${signed.url}&tenant=t2` }, connection);
    const otherMethod = provider.verify({ ...signed, method: 'PUT' }, connection);
    const otherTimestamp = provider.verify({ ...signed, headers: { ...signed.headers, 'x-hubspot-request-timestamp': timestamp } }, connection);

    // Assess
    for (const verified of [otherUrl, otherMethod, otherTimestamp]) {
      expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
    }
  });

  it('refuses a v3 signature without its timestamp header', () => {
    // Act
    const verified = provider.verify(signedDelivery(sample, { headers: { 'x-hubspot-request-timestamp': undefined } }), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MISSING_SIGNATURE' } });
  });

  it('refuses a timestamp 10 minutes ahead, which HubSpot\'s client library accepts', () => {
    // Prepare
    const ahead = signedDelivery(sample, { signedAt: secondsBefore(RECEIVED_AT, -600) });
    jest.useFakeTimers({ now: RECEIVED_AT });
    const libraryAccepts = Signature.isValid({
      signatureVersion: 'v3',
      signature: ahead.headers['x-hubspot-signature-v3'] ?? '',
      clientSecret: SECRET,
      requestBody: ahead.body.toString('utf8'),
      url: ahead.url,
      timestamp: Number(ahead.headers['x-hubspot-request-timestamp']),
    });
    jest.useRealTimers();

    // Act
    const verified = provider.verify(ahead, connection);

    // Assess
    expect(libraryAccepts).toBe(true);
    expect(verified).toMatchObject({ ok: false, error: { reason: 'STALE_TIMESTAMP' } });
  });

  it('names a batch by its notifications, whatever their order, and its topic by their types', () => {
    // Prepare
    const notifications = [
      { subscriptionType: 'contact.propertyChange', objectId: 1, propertyName: 'email', propertyValue: 'a@example.com', eventId: 101 },
      { subscriptionType: 'contact.creation', objectId: 1, eventId: 100 },
    ];
    const batch = hubspotSample(notifications);
    const reordered = hubspotSample([...notifications].reverse());
    const other = hubspotSample([notifications[0]]);

    // Act
    const [first, second, third] = [batch, reordered, other].map((each) => provider.verify(signedDelivery(each), connection));

    // Assess
    expect(first).toMatchObject({ ok: true, value: { topic: 'contact.creation,contact.propertyChange' } });
    expect(first.ok && second.ok && first.value.deliveryId === second.value.deliveryId).toBe(true);
    expect(first.ok && third.ok && first.value.deliveryId !== third.value.deliveryId).toBe(true);
    expect(first.ok && first.value.deliveryId).toMatch(/^hs_[0-9a-f]{64}$/);
  });

  it.each([
    ['an object', '{"eventId": 1, "subscriptionType": "contact.creation"}'],
    ['an empty list', '[]'],
    ['a notification without eventId', '[{"subscriptionType": "contact.creation", "objectId": 1}]'],
    ['a notification without subscriptionType', '[{"eventId": 1, "objectId": 1}]'],
  ])('answers MALFORMED for a signed body that is %s', (_, body) => {
    // Act
    const verified = provider.verify(signedDelivery(sample, { body: Buffer.from(body) }), connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
  });
});

describe('HubSpot v1 and v2 signatures', () => {
  const v1Connection = connectionFor('hubspot', { secrets: [DOCUMENTED_SECRET], signatureVersions: ['v1'] });
  const documentedV1 = '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de';

  it('accepts the v1 request of HubSpot\'s documentation where v1 is allowed', () => {
    // Act
    const verified = provider.verify(legacyDelivery('v1', documentedV1), v1Connection);

    // Assess
    expect(verified).toMatchObject({ ok: true, value: { topic: 'contact.creation' } });
  });

  it('accepts the v2 GET example of HubSpot\'s documentation as signed (its empty body is then MALFORMED)', () => {
    // Prepare
    const documentedV2 = 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e';
    const get = legacyDelivery('v2', documentedV2, { method: 'GET', body: Buffer.alloc(0) });

    // Act
    const verified = provider.verify(get, { ...v1Connection, signatureVersions: ['v2'] });
    const wrong = provider.verify({ ...get, method: 'POST' }, { ...v1Connection, signatureVersions: ['v2'] });

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MALFORMED' } });
    expect(wrong).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });

  it('accepts a v2 POST signed by HubSpot\'s client library', () => {
    // Prepare
    const signature = Signature.getSignature('POST', 'v2', {
      clientSecret: DOCUMENTED_SECRET,
      requestBody: DOCUMENTED_BODY,
      url: 'https://www.example.com/webhook_uri',
      signature: '',
    });

    // Act
    const verified = provider.verify(legacyDelivery('v2', signature), { ...v1Connection, signatureVersions: ['v2'] });

    // Assess
    expect(verified.ok).toBe(true);
  });

  it('refuses v1 where only v3 is allowed, as by default', () => {
    // Act
    const verified = provider.verify(legacyDelivery('v1', documentedV1), { ...v1Connection, signatureVersions: undefined });

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'MISSING_SIGNATURE' } });
  });

  it('refuses a v1 signature over a changed body', () => {
    // Act
    const verified = provider.verify(legacyDelivery('v1', documentedV1, { body: Buffer.from(DOCUMENTED_BODY.replace('123', '124')) }), v1Connection);

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });

  it('does not fall back to v1 when a v3 signature is present and wrong', () => {
    // Prepare
    const both = legacyDelivery('v1', documentedV1, {
      headers: {
        'x-hubspot-signature': documentedV1,
        'x-hubspot-signature-version': 'v1',
        'x-hubspot-signature-v3': 'bm90IGEgc2lnbmF0dXJl',
        'x-hubspot-request-timestamp': String(RECEIVED_AT.getTime()),
      },
    });

    // Act
    const verified = provider.verify(both, { ...v1Connection, signatureVersions: ['v3', 'v1'] });

    // Assess
    expect(verified).toMatchObject({ ok: false, error: { reason: 'BAD_SIGNATURE' } });
  });
});

describe('HubSpot contact notifications → customer events', () => {
  it('maps a contact created with its properties to customer.created and one update per property', () => {
    // Prepare
    const sample = hubspotContactCreatedSample({
      objectId: 512,
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+14155550123',
    });
    const eventIds = JSON.parse(sample.body).map((notification: { eventId: number }) => String(notification.eventId));
    const customer = { source: 'hubspot', externalId: '512' };

    // Act
    const events = verifyAndMap(sample);

    // Assess
    expect(events).toEqual({
      ok: true,
      value: [
        { type: 'customer.created', detail: { tenantId: TENANT, eventId: eventIds[0], customer } },
        { type: 'customer.updated', detail: { tenantId: TENANT, eventId: eventIds[1], customer: { ...customer, email: 'ada@example.com' } } },
        { type: 'customer.updated', detail: { tenantId: TENANT, eventId: eventIds[4], customer: { ...customer, phone: '+14155550123' } } },
        { type: 'customer.updated', detail: { tenantId: TENANT, eventId: eventIds[2], customer: { ...customer, name: 'Ada Lovelace' } } },
      ],
    });
  });

  it('changes no name from a first name alone, which would overwrite the full name with half of it', () => {
    // Act
    const events = verifyAndMap(hubspotContactChangedSample({ objectId: 512, firstName: 'Augusta' }));

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });

  it('leaves out a phone not in E.164 form and properties the platform does not keep', () => {
    // Prepare
    const sample = hubspotSample([
      { subscriptionType: 'contact.propertyChange', objectId: 512, propertyName: 'phone', propertyValue: '(415) 555-0123' },
      { subscriptionType: 'contact.propertyChange', objectId: 512, propertyName: 'lifecyclestage', propertyValue: 'customer' },
      { subscriptionType: 'contact.propertyChange', objectId: 512, propertyName: 'email', propertyValue: '' },
    ]);

    // Act
    const events = verifyAndMap(sample);

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });

  it('maps contact.privacyDeletion to customer.redacted', () => {
    // Act
    const events = verifyAndMap(hubspotContactPrivacyDeletionSample(512));

    // Assess
    expect(events).toMatchObject({
      ok: true,
      value: [{ type: 'customer.redacted', detail: { tenantId: TENANT, customer: { source: 'hubspot', externalId: '512' } } }],
    });
  });

  it.each(['contact.deletion', 'deal.creation', 'company.propertyChange'])('maps %s to no events', (subscriptionType) => {
    // Act
    const events = verifyAndMap(hubspotSample([{ subscriptionType, objectId: 512 }]));

    // Assess
    expect(events).toEqual({ ok: true, value: [] });
  });

  it('answers a VALIDATION_ERROR, never a TypeError, for any payload', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.array(fc.anything()),
          fc.array(
            fc.record({
              eventId: fc.oneof(fc.nat(), fc.anything()),
              objectId: fc.oneof(fc.nat(), fc.anything()),
              subscriptionType: fc.constantFrom('contact.creation', 'contact.propertyChange', 'contact.privacyDeletion'),
              propertyName: fc.constantFrom('email', 'phone', 'firstname', 'lastname'),
              propertyValue: fc.anything(),
            }),
          ),
        ),
        (payload) => {
          // Act
          const events = provider.map({ deliveryId: 'hs_1', topic: 'contact.creation', payload }, TENANT);

          // Assess
          if (!events.ok) expect(events.error).toBeInstanceOf(ValidationError);
        },
      ),
    );
  });
});
