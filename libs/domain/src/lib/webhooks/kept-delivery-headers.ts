/**
 * Headers worth keeping with a raw body: what the providers sign with or route by (Stripe-Signature,
 * X-Shopify-*, X-HubSpot-*, the custom scheme's X-Signature, X-Timestamp and X-Delivery-Id) and the body's type.
 * Never credentials or cookies.
 */
const KEPT_HEADER = /^(content-type|user-agent|stripe-signature|x-shopify-[a-z0-9-]+|x-hubspot-[a-z0-9-]+|x-signature[a-z0-9-]*|x-timestamp|x-delivery-id|x-webhook-[a-z0-9-]+)$/;

/** Stored as object metadata, whose total S3 caps at 2 KB: what does not fit is left out. */
export const MAX_KEPT_HEADER_BYTES = 1536;
const MAX_HEADER_VALUE_LENGTH = 512;

/** The headers to keep, in name order, within MAX_KEPT_HEADER_BYTES of JSON. */
export function keptDeliveryHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  let size = 2;
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (value === undefined || !KEPT_HEADER.test(name)) continue;
    const clipped = value.slice(0, MAX_HEADER_VALUE_LENGTH);
    const entrySize = Buffer.byteLength(JSON.stringify({ [name]: clipped }));
    if (size + entrySize > MAX_KEPT_HEADER_BYTES) continue;
    kept[name] = clipped;
    size += entrySize;
  }
  return kept;
}
