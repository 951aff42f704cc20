import type { EventPublisher } from '../events/event-publisher';
import { newId } from '../shared/ids';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { RawDeliveryStore } from './raw-delivery-store';
import { rawDeliveryKey } from './raw-delivery-key';
import type { DeliveryClaimKey, WebhookDeliveryClaims } from './webhook-delivery-claims';
import type { WebhookDeliveryLog } from './webhook-delivery-log';
import type { WebhookDeliveryRecord, WebhookDeliveryRejection } from './webhook-delivery-record';
import type { WebhookConnectionRepository } from './webhook-connection-repository';
import { normalizeShopDomain } from './webhook-connection-settings';
import { webhookEvent } from './webhook-event';
import { retentionExpiry, WebhookIntakeSettings } from './webhook-intake-settings';
import type { InboundEvent } from './platform-events';
import type { RawDelivery, VerifiedDelivery, WebhookConnection, WebhookProvider } from './webhook-provider';
import type { WebhookProviderRegistry } from './webhook-provider-registry';
import { WebhookRejectedError } from './webhook-rejected-error';

export interface WebhookIntakeRequest {
  /** As the path names it; checked against the registry. */
  readonly provider: string;
  /** From the path; absent when the delivery names its tenant itself (Shopify's shop domain). */
  readonly tenantId?: string;
  readonly raw: RawDelivery;
}

/** What the provider is answered (200): the delivery, whether it was one seen before, events enqueued. */
export interface WebhookReceipt {
  /** The raw log's record of this delivery. */
  readonly id: string;
  readonly deliveryId: string;
  readonly duplicate: boolean;
  readonly events: number;
}

export type WebhookIntakeError = NotFoundError | WebhookRejectedError | ValidationError;

export interface WebhookIntakePorts {
  readonly providers: WebhookProviderRegistry;
  readonly connections: WebhookConnectionRepository;
  readonly claims: WebhookDeliveryClaims;
  readonly log: WebhookDeliveryLog;
  readonly bodies: RawDeliveryStore;
  readonly publisher: EventPublisher;
}

/** The header Shopify names the shop with: one URL serves every shop of a public app. */
const SHOP_DOMAIN_HEADER = 'x-shopify-shop-domain';
/** Provider delivery ids are keys of the dedupe record. */
const MAX_DELIVERY_ID_LENGTH = 256;

/**
 * The webhook intake: verify, deduplicate, enqueue, log. Answers as soon as the events are on the
 * queue; the processor does the ledger work, keyed on business identity.
 *
 * Dedupe is a claim on the delivery id, taken before sending and marked `enqueued` after: a copy
 * finding it enqueued (or in flight) sends nothing; a copy finding a `received` claim older than
 * `staleClaimAfterMs` (an attempt that crashed between claim and send) takes it over and sends.
 * A double send is harmless (the processor applies an event once), a lost one is not. The raw body
 * is stored before an accepted delivery is answered, so that it can be replayed.
 */
export class ReceiveWebhook {
  constructor(
    private readonly ports: WebhookIntakePorts,
    private readonly settings: WebhookIntakeSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(request: WebhookIntakeRequest): Promise<Result<WebhookReceipt, WebhookIntakeError>> {
    const provider = this.ports.providers(request.provider);
    if (!provider) return err(new NotFoundError(`No webhook provider ${request.provider}`, { provider: request.provider }));
    const connection = await this.connectionFor(provider, request);
    if (!connection) {
      if (request.tenantId !== undefined) {
        await this.reject(request.tenantId, provider, request.raw, 'UNKNOWN_CONNECTION', 'The tenant has no connection to this provider');
      }
      return err(new NotFoundError(`No ${provider.name} webhook connection for this tenant`, { provider: provider.name }));
    }
    const { tenantId } = connection;
    const verified = provider.verify(request.raw, connection);
    if (!verified.ok) {
      await this.reject(tenantId, provider, request.raw, verified.error.reason, verified.error.message);
      return verified;
    }
    const { deliveryId } = verified.value;
    if (deliveryId.length === 0 || deliveryId.length > MAX_DELIVERY_ID_LENGTH) {
      const error = new WebhookRejectedError('MALFORMED', `The delivery id must be 1–${MAX_DELIVERY_ID_LENGTH} characters`);
      await this.reject(tenantId, provider, request.raw, error.reason, error.message);
      return err(error);
    }
    const mapped = provider.map(verified.value, tenantId);
    if (!mapped.ok) {
      await this.reject(tenantId, provider, request.raw, 'UNMAPPABLE', mapped.error.message, verified.value);
      return mapped;
    }
    return ok(await this.accept(connection, provider, request.raw, verified.value, mapped.value));
  }

  private async connectionFor(provider: WebhookProvider, request: WebhookIntakeRequest): Promise<WebhookConnection | undefined> {
    if (request.tenantId !== undefined) return this.ports.connections.get(request.tenantId, provider.name);
    const shopDomain = request.raw.headers[SHOP_DOMAIN_HEADER];
    if (provider.name !== 'shopify' || !shopDomain) return undefined;
    return this.ports.connections.findByShopDomain(normalizeShopDomain(shopDomain));
  }

  private async accept(
    connection: WebhookConnection,
    provider: WebhookProvider,
    raw: RawDelivery,
    verified: VerifiedDelivery,
    events: readonly InboundEvent[],
  ): Promise<WebhookReceipt> {
    const record = this.newRecord(connection.tenantId, provider, raw, verified);
    const key: DeliveryClaimKey = { tenantId: connection.tenantId, provider: provider.name, deliveryId: verified.deliveryId };
    const at = this.now();
    const [stored, claim] = await Promise.allSettled([
      this.ports.bodies.put(record.bodyKey, raw),
      this.ports.claims.claim(key, {
        recordId: record.id,
        at,
        staleBefore: new Date(at.getTime() - this.settings.staleClaimAfterMs),
        expiresAt: record.expiresAt,
      }),
    ]);
    if (claim.status === 'rejected') throw claim.reason;
    if (stored.status === 'rejected') {
      if (claim.value.claimed) await this.ports.claims.release(key, record.id);
      throw stored.reason;
    }
    if (!claim.value.claimed) {
      await this.ports.log.record({ ...record, verdict: 'duplicate', duplicateOf: claim.value.recordId });
      return { id: record.id, deliveryId: verified.deliveryId, duplicate: true, events: 0 };
    }
    try {
      const time = this.now();
      await Promise.all(events.map((event) => this.ports.publisher.publish(webhookEvent(event, provider.name, time))));
    } catch (error) {
      // Nothing may be lost: the provider retries on the error answer and the next copy finds the claim free.
      await this.ports.claims.release(key, record.id);
      throw error;
    }
    await Promise.all([
      this.ports.claims.markEnqueued(key),
      this.ports.log.record({ ...record, verdict: 'accepted', events: events.length }),
    ]);
    return { id: record.id, deliveryId: verified.deliveryId, duplicate: false, events: events.length };
  }

  /** Logs a refused delivery and stores its body, both before the refusal is answered. */
  private async reject(
    tenantId: string,
    provider: WebhookProvider,
    raw: RawDelivery,
    reason: WebhookDeliveryRejection,
    message: string,
    verified?: VerifiedDelivery,
  ): Promise<void> {
    const record = this.newRecord(tenantId, provider, raw, verified);
    await Promise.all([
      this.ports.bodies.put(record.bodyKey, raw),
      this.ports.log.record({ ...record, verdict: 'rejected', reason, message }),
    ]);
  }

  private newRecord(
    tenantId: string,
    provider: WebhookProvider,
    raw: RawDelivery,
    verified: VerifiedDelivery | undefined,
  ): Omit<WebhookDeliveryRecord, 'verdict'> {
    const id = newId('dlv', raw.receivedAt.getTime());
    return {
      tenantId,
      id,
      provider: provider.name,
      receivedAt: raw.receivedAt.toISOString(),
      ...(verified && { deliveryId: verified.deliveryId, topic: verified.topic }),
      ...(verified?.eventId !== undefined && { eventId: verified.eventId }),
      size: raw.body.length,
      bodyKey: rawDeliveryKey(tenantId, provider.name, raw.receivedAt, id),
      expiresAt: retentionExpiry(raw.receivedAt, this.settings.retentionDays),
    };
  }
}
