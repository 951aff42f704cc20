import { compareText } from '../shared/compare-text';
import { isIdentifier } from '../shared/identifier';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import { CustomerReference, InboundEvent } from './platform-events';
import { e164Phone, ProviderPayloadReader } from './provider-payload-reader';
import { RawDelivery, VerifiedDelivery, WebhookConnection, WebhookProvider } from './webhook-provider';
import { WebhookRejectedError } from './webhook-rejected-error';
import {
  hmacSha256,
  isFresh,
  parseJsonBody,
  parseTimestamp,
  rejection,
  sha256,
  signedByAnySecret,
} from './webhook-signature';

/** HubSpot: "reject the request if the timestamp is older than 5 minutes". */
export const HUBSPOT_TOLERANCE_MS = 5 * 60 * 1000;

/** HubSpot sends up to 100 notifications per request; more than this is not HubSpot. */
const MAX_BATCH = 1000;

const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URI as HubSpot signs it in v3: with exactly the characters of its documented table decoded. */
export function hubspotSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (encoded) => DECODED[encoded.toUpperCase()]);
}

/**
 * HubSpot: v3 `X-HubSpot-Signature-v3` = base64 HMAC-SHA256 of method + URI + body + timestamp
 * (`X-HubSpot-Request-Timestamp`, ms), 5 minutes either side. v1 (hex SHA-256 of secret + body) and
 * v2 (hex SHA-256 of secret + method + URI + body) carry no timestamp and are accepted only where
 * the connection lists them. A request carries a batch of notifications.
 */
export class HubSpotWebhookProvider implements WebhookProvider {
  readonly name = 'hubspot';

  verify(delivery: RawDelivery, connection: WebhookConnection): Result<VerifiedDelivery, WebhookRejectedError> {
    const signed = this.checkSignature(delivery, connection);
    if (!signed.ok) return signed;

    const body = parseJsonBody(delivery.body, 'HubSpot');
    if (!body.ok) return body;
    const notifications = Array.isArray(body.value) ? body.value : [];
    const eventIds: string[] = [];
    const topics = new Set<string>();
    for (const notification of notifications) {
      const eventId = typeof notification === 'object' && notification !== null ? notification['eventId'] : undefined;
      const type = typeof notification === 'object' && notification !== null ? notification['subscriptionType'] : undefined;
      const id = Number.isSafeInteger(eventId) ? String(eventId) : eventId;
      if (!isIdentifier(id) || typeof type !== 'string' || type === '') break;
      eventIds.push(id);
      topics.add(type);
    }
    if (notifications.length === 0 || notifications.length > MAX_BATCH || eventIds.length !== notifications.length) {
      return rejection('MALFORMED', `A HubSpot delivery is a list of 1 to ${MAX_BATCH} notifications with an eventId and a subscriptionType`);
    }
    // A retry of the same batch has the same notifications, so the same id.
    const deliveryId = `hs_${sha256(eventIds.sort(compareText).join(',')).toString('hex')}`;
    return ok({ deliveryId, topic: [...topics].sort(compareText).join(','), payload: body.value });
  }

  private checkSignature(delivery: RawDelivery, connection: WebhookConnection): Result<true, WebhookRejectedError> {
    const { headers, body } = delivery;
    const method = delivery.method.toUpperCase();
    const versions = connection.signatureVersions ?? ['v3'];
    const v3 = headers['x-hubspot-signature-v3'];
    if (versions.includes('v3') && v3) {
      const timestampText = headers['x-hubspot-request-timestamp'];
      const timestamp = parseTimestamp(timestampText);
      if (timestampText === undefined || timestamp === undefined) {
        return rejection('MISSING_SIGNATURE', 'X-HubSpot-Request-Timestamp is missing or not a number of milliseconds');
      }
      const uri = hubspotSignedUri(delivery.url);
      const valid = signedByAnySecret(connection.secrets, [v3], (secret) =>
        hmacSha256(secret, method, uri, body, timestampText).toString('base64'),
      );
      if (!valid) return rejection('BAD_SIGNATURE', 'X-HubSpot-Signature-v3 does not match the request');
      if (!isFresh(timestamp, delivery.receivedAt.getTime(), HUBSPOT_TOLERANCE_MS)) {
        return rejection('STALE_TIMESTAMP', 'The HubSpot signature is more than 5 minutes away from now', { timestamp });
      }
      return ok(true);
    }

    const legacy = headers['x-hubspot-signature'];
    const version = headers['x-hubspot-signature-version'];
    if (!legacy || (version !== 'v1' && version !== 'v2') || !versions.includes(version)) {
      return rejection('MISSING_SIGNATURE', `No HubSpot signature of an accepted version (${versions.join(', ')})`);
    }
    const valid = signedByAnySecret(connection.secrets, [legacy], (secret) =>
      (version === 'v1' ? sha256(secret, body) : sha256(secret, method, delivery.url, body)).toString('hex'),
    );
    return valid ? ok(true) : rejection('BAD_SIGNATURE', `X-HubSpot-Signature (${version}) does not match the request`);
  }

  map(delivery: VerifiedDelivery, tenantId: string): Result<InboundEvent[], ValidationError> {
    const read = new ProviderPayloadReader();
    const notifications = read.array('notifications', delivery.payload, MAX_BATCH) ?? [];
    const events: InboundEvent[] = [];
    const nameParts: NameParts = new Map();
    notifications.forEach((entry, index) => {
      const path = String(index);
      const notification = read.object(path, entry) ?? {};
      const eventId = read.identifier(`${path}.eventId`, notification['eventId']);
      const externalId = read.identifier(`${path}.objectId`, notification['objectId']);
      if (eventId === undefined || externalId === undefined) return;
      const base = { tenantId, eventId };
      const customer: CustomerReference = { source: 'hubspot', externalId };
      switch (notification['subscriptionType']) {
        case 'contact.creation':
          events.push({ type: 'customer.created', detail: { ...base, customer } });
          break;
        case 'contact.privacyDeletion':
          events.push({ type: 'customer.redacted', detail: { ...base, customer } });
          break;
        case 'contact.propertyChange': {
          const property = notification['propertyName'];
          const value = read.optionalText(`${path}.propertyValue`, notification['propertyValue'], 320);
          if (value === undefined) break;
          if (property === 'firstname' || property === 'lastname') {
            const parts = nameParts.get(externalId) ?? { base };
            nameParts.set(externalId, { ...parts, [property]: value });
            break;
          }
          const change = profileChange(property, value);
          if (change !== undefined) {
            events.push({ type: 'customer.updated', detail: { ...base, customer: { ...customer, ...change } } });
          }
          break;
        }
      }
    });
    if (read.failed) return err(read.toError('The HubSpot notifications are not as HubSpot documents them'));
    return ok([...events, ...fullNameChanges(nameParts)]);
  }
}

/** The contact field a property change sets, when it is one the platform keeps. */
function profileChange(property: unknown, value: string): Pick<CustomerReference, 'email' | 'phone'> | undefined {
  if (property === 'email') return { email: value };
  const phone = property === 'phone' ? e164Phone(value) : undefined;
  return phone === undefined ? undefined : { phone };
}

/** First and last names changed per contact in one batch, with the event of the first of them. */
type NameParts = Map<string, { firstname?: string; lastname?: string; base: { tenantId: string; eventId: string } }>;

/**
 * HubSpot reports first and last names as separate property changes. A full name is known only
 * when both come in the same batch (as when a contact is created or edited in one go); one part
 * alone would overwrite the whole name with half of it, so it changes nothing.
 */
function fullNameChanges(nameParts: NameParts): InboundEvent[] {
  return [...nameParts].flatMap(([externalId, { firstname, lastname, base }]): InboundEvent[] =>
    firstname === undefined || lastname === undefined
      ? []
      : [
          {
            type: 'customer.updated',
            detail: { ...base, customer: { source: 'hubspot', externalId, name: `${firstname} ${lastname}`.slice(0, 200) } },
          },
        ],
  );
}
