import { WEBHOOK_PROVIDER_NAMES } from '@loyalty/domain';
import fc from 'fast-check';
import { brokenBodies, hostilePageQueries } from '../testing/hostile-input.fixture';

/*
 * Requests to the webhook endpoints that must all be refused: deliveries nobody signed, connection
 * settings that break a rule whatever the provider, and log queries and replays of nothing.
 */

/** The providers' names, and names no provider has. */
export const webhookProviderNames = fc.oneof(fc.constantFrom(...WEBHOOK_PROVIDER_NAMES), fc.string({ maxLength: 40 }));

/** Any body: without a signature header no delivery can hold. */
export const unsignedDeliveries = fc.jsonValue({ maxDepth: 3 });

const SECRET = 'whsec_fuzz_0123456789abcdef0123';

/** Settings refused for every provider (none is valid for one provider and not another). */
export const hostileConnectionSettings = brokenBodies(
  fc.record({ secrets: fc.constant([SECRET]) }),
  {
    secrets: fc.constantFrom([], ['short'], [SECRET, SECRET], [SECRET, `${SECRET}b`, `${SECRET}c`], [`${SECRET} with space`], SECRET, [5], null),
    signatureVersions: fc.constantFrom([], ['v4'], ['v3', 'v3'], 'v3', null),
    shopDomain: fc.constantFrom('example.com', '', 'shop.myshopify.com.evil.com', 5, null),
  },
  ['secrets'],
);

/** Log queries with a page limit broken, an unknown filter value, or a parameter the route does not know. */
export const hostileDeliveryQueries = fc.oneof(
  hostilePageQueries,
  fc.record({ provider: fc.oneof(fc.string(), fc.constantFrom('Stripe', 'paypal')) }).filter(({ provider }) => !(WEBHOOK_PROVIDER_NAMES as readonly string[]).includes(provider)),
  fc.record({ verdict: fc.constantFrom('ACCEPTED', 'failed', '', 'accepted,rejected') }),
);

/** Delivery ids that are malformed, or well formed and no delivery's. */
export const unknownDeliveryIds = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/).map((ulid) => `dlv_${ulid}`),
);
