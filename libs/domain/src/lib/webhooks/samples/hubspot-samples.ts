import { compareText } from '../../shared/compare-text';
import { sampleNumericId, WebhookSample } from './webhook-sample';

export interface HubSpotNotificationInput {
  /** `contact.creation`, `contact.propertyChange`, `contact.privacyDeletion`, `contact.deletion`, ... */
  readonly subscriptionType: string;
  /** The contact's id. */
  readonly objectId: number;
  readonly propertyName?: string;
  readonly propertyValue?: string;
  readonly eventId?: number;
}

export interface HubSpotSampleOptions {
  readonly portalId?: number;
  readonly appId?: number;
  readonly now?: Date;
}

export interface HubSpotContactInput {
  readonly objectId?: number;
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly phone?: string;
}

/** A batch of notifications, shaped as HubSpot's documented webhook payload. */
export function hubspotSample(
  notifications: readonly HubSpotNotificationInput[],
  { portalId = 62515, appId = 54321, now = new Date() }: HubSpotSampleOptions = {},
): WebhookSample {
  const body = notifications.map((notification) => ({
    eventId: notification.eventId ?? sampleNumericId(),
    subscriptionId: 12345,
    portalId,
    appId,
    occurredAt: now.getTime(),
    subscriptionType: notification.subscriptionType,
    attemptNumber: 0,
    objectId: notification.objectId,
    ...(notification.propertyName !== undefined && {
      propertyName: notification.propertyName,
      propertyValue: notification.propertyValue ?? '',
    }),
    changeSource: 'CRM',
    ...(notification.subscriptionType === 'contact.creation' && { changeFlag: 'NEW' }),
  }));
  const topics = [...new Set(notifications.map((notification) => notification.subscriptionType))].sort(compareText);
  return {
    provider: 'hubspot',
    topic: topics.join(','),
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon-executor',
    },
  };
}

/** A contact created with its properties: HubSpot sends the creation and one change per property. */
export function hubspotContactCreatedSample(contact: HubSpotContactInput, options: HubSpotSampleOptions = {}): WebhookSample {
  const objectId = contact.objectId ?? sampleNumericId();
  return hubspotSample(
    [{ subscriptionType: 'contact.creation', objectId }, ...propertyChanges(objectId, contact)],
    options,
  );
}

/** Changes of a contact's properties, one notification per property given. */
export function hubspotContactChangedSample(
  contact: HubSpotContactInput & { readonly objectId: number },
  options: HubSpotSampleOptions = {},
): WebhookSample {
  return hubspotSample(propertyChanges(contact.objectId, contact), options);
}

/** A contact whose personal data must be erased (GDPR delete in HubSpot). */
export function hubspotContactPrivacyDeletionSample(objectId: number, options: HubSpotSampleOptions = {}): WebhookSample {
  return hubspotSample([{ subscriptionType: 'contact.privacyDeletion', objectId }], options);
}

function propertyChanges(objectId: number, contact: HubSpotContactInput): HubSpotNotificationInput[] {
  const properties: [string, string | undefined][] = [
    ['email', contact.email],
    ['firstname', contact.firstName],
    ['lastname', contact.lastName],
    ['phone', contact.phone],
  ];
  return properties.flatMap(([propertyName, propertyValue]) =>
    propertyValue === undefined ? [] : [{ subscriptionType: 'contact.propertyChange', objectId, propertyName, propertyValue }],
  );
}
