import { raw, type NextFunction, type Request, type Response } from 'express';

/**
 * The largest delivery the intake reads: 1 MiB. Providers publish no maximum; their largest
 * payloads (a Shopify order with hundreds of line items, a HubSpot batch of 100 events, a Stripe
 * event with expanded objects) stay well under it. Lambda takes at most 6 MB per request, and API
 * Gateway sends a binary body base64-encoded (4/3 of its size): 1 MiB stays far below.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** POST /webhooks/{provider} and /webhooks/{provider}/{tenantId}. */
const INTAKE_PATH = /^\/webhooks\/[^/]+(?:\/[^/]+)?\/?$/;

const readRawBody = raw({ type: () => true, limit: MAX_WEBHOOK_BODY_BYTES });

/**
 * Reads a webhook delivery's body as the exact bytes that arrived (whatever its content type), for
 * the signature check; registered before the JSON parser, which then leaves it alone. Other
 * routes are untouched, with their 64 KB JSON limit.
 */
export function rawWebhookBody(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'POST' && INTAKE_PATH.test(request.path)) readRawBody(request, response, next);
  else next();
}
