import { raw, type NextFunction, type Request, type Response } from 'express';

/**
 * The largest delivery the intake reads: 2 MiB. Providers publish no maximum; their largest
 * payloads stay under it (a Shopify order of 1,100 lines passes 1 MB, a Stripe event with expanded
 * objects 1.2 MB; a HubSpot batch is at most 100 notifications, the processor maps at most 1,000
 * order lines). Lambda takes at most 6 MB per request and API Gateway sends a binary body
 * base64-encoded (4/3 of its size, 2.8 MB here), so this leaves room for both.
 */
export const MAX_WEBHOOK_BODY_BYTES = 2 * 1024 * 1024;

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
