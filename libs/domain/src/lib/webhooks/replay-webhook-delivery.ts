import type { EventPublisher } from '../events/event-publisher';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { RawDeliveryStore } from './raw-delivery-store';
import type { WebhookDeliveryLog } from './webhook-delivery-log';
import { webhookEvent } from './webhook-event';
import type { WebhookProviderRegistry } from './webhook-provider-registry';

export interface WebhookReplay {
  /** The log record replayed. */
  readonly id: string;
  readonly deliveryId: string;
  readonly events: number;
  readonly replayedAt: string;
}

export interface WebhookReplayPorts {
  readonly providers: WebhookProviderRegistry;
  readonly log: WebhookDeliveryLog;
  readonly bodies: RawDeliveryStore;
  readonly publisher: EventPublisher;
}

/**
 * Sends an accepted delivery's events again, mapped afresh from its stored body (after an adapter
 * fix, say). Its signature was verified on receipt, so neither it nor the timestamp is checked
 * again: the secrets may have been rotated since. The processor applies each event once, so a
 * replay of something already applied changes nothing.
 */
export class ReplayWebhookDelivery {
  constructor(
    private readonly ports: WebhookReplayPorts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(tenantId: string, id: string): Promise<Result<WebhookReplay, NotFoundError | ValidationError>> {
    const record = await this.ports.log.get(tenantId, id);
    if (!record) return err(new NotFoundError(`No webhook delivery ${id}`, { id }));
    const { verdict, deliveryId, topic, eventId, provider: name, bodyKey } = record;
    if (verdict !== 'accepted' || deliveryId === undefined || topic === undefined) {
      return err(new ValidationError('Only accepted deliveries can be replayed', { id, verdict }));
    }
    const provider = this.ports.providers(name);
    const raw = await this.ports.bodies.get(bodyKey);
    if (!provider || !raw) return err(new NotFoundError(`The body of webhook delivery ${id} is no longer kept`, { id }));
    const payload = parsedBody(raw.body);
    if (payload === undefined) return err(new ValidationError('The stored body is not JSON', { id }));
    const mapped = provider.map({ deliveryId, topic, payload, ...(eventId !== undefined && { eventId }) }, tenantId);
    if (!mapped.ok) return mapped;
    const time = this.now();
    await Promise.all(mapped.value.map((event) => this.ports.publisher.publish(webhookEvent(event, name, time))));
    return ok({ id, deliveryId, events: mapped.value.length, replayedAt: time.toISOString() });
  }
}

/** A verified delivery's payload is its JSON body (what every adapter's verify() parses). */
function parsedBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
