import { EventRejectedError } from './event-rejected-error';

/** What the processor needs from a message, whichever shape it arrived in. */
export interface ReceivedEvent {
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

/**
 * SPEC "Events": a message body is an EventBridge envelope (`detail-type`, `detail`, …) or the bare
 * `detail`. A bare detail names its type in its own `type` field or in the `eventType` message
 * attribute; nothing is guessed from the payload's shape.
 */
export function readEvent(body: string, eventTypeAttribute?: string): ReceivedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new EventRejectedError('Message body is not valid JSON', {}, { cause: error });
  }
  if (!isObject(parsed)) {
    throw new EventRejectedError('Message body is not a JSON object');
  }
  if ('detail-type' in parsed || 'detail' in parsed) {
    const type = parsed['detail-type'];
    const detail = parsed['detail'];
    if (typeof type !== 'string' || !isObject(detail)) {
      throw new EventRejectedError('EventBridge envelope needs a string "detail-type" and an object "detail"');
    }
    return { type, detail };
  }
  const type = eventTypeAttribute ?? parsed['type'];
  if (typeof type !== 'string') {
    throw new EventRejectedError('Bare event detail names no type ("type" field or "eventType" attribute)');
  }
  return { type, detail: parsed };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
