/**
 * `npm run webhook -- <stripe|shopify|hubspot|custom> --event <topic> --tenant demo [options]`:
 * builds a realistic delivery of that topic (the adapters' samples), signs it as the provider
 * does, posts it to the local API as the provider posts it, and prints the answer. The tenant and
 * its connection to the provider are created first when missing (as an admin, through the API).
 *
 *   --order <id> --amount 150.00 --currency USD --email ada@example.com --user <userId>
 *   --refund <amount>     refund topics: the amount given back (the whole amount by default)
 *   --shop <domain>       Shopify: the shop (default <tenant>.myshopify.com), posted to /webhooks/shopify
 *   --secret <secret>     the connection's signing secret (default the local one)
 *   --url <api>           default http://127.0.0.1:$API_PORT
 *   --repeat <n>          deliver the same delivery n times (a provider's retries)
 *   --stale               sign it 10 minutes ago (refused: outside the providers' windows)
 *   --forge               sign it with a secret the tenant does not have (refused)
 *   --no-connect          do not touch the tenant or its connection
 */
import { isWebhookProviderName, WEBHOOK_PROVIDER_NAMES } from '@loyalty/domain';
import { parseArgs } from 'node:util';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { LOCAL_JWT_SECRET, LOCAL_WEBHOOK_SECRET } from '../lib/config/naming';
import { LOOPBACK_HOST } from '../lib/net/free-port';
import { ensureLocalWebhookConnection } from '../lib/webhooks/local-webhook-connection';
import { signDelivery } from '../lib/webhooks/sign-delivery';
import { WEBHOOK_SAMPLES, webhookSampleFor } from '../lib/webhooks/webhook-sample-for';

const TEN_MINUTES_MS = 10 * 60 * 1000;
/** Topics that end in points for the customer. */
const CREDITING_TOPICS = ['payment_intent.succeeded', 'orders/paid', 'orders/create', 'order.completed'];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      tenant: { type: 'string', default: 'demo' },
      order: { type: 'string' },
      amount: { type: 'string', default: '150.00' },
      currency: { type: 'string', default: 'USD' },
      email: { type: 'string', default: 'ada@example.com' },
      user: { type: 'string' },
      refund: { type: 'string' },
      shop: { type: 'string' },
      secret: { type: 'string', default: LOCAL_WEBHOOK_SECRET },
      url: { type: 'string', default: `http://${LOOPBACK_HOST}:${readLocalStackSettings().ports.apiPort}` },
      repeat: { type: 'string', default: '1' },
      stale: { type: 'boolean', default: false },
      forge: { type: 'boolean', default: false },
      'no-connect': { type: 'boolean', default: false },
    },
  });
  const [provider] = positionals;
  if (!isWebhookProviderName(provider) || positionals.length !== 1) {
    throw new Error(`Name one provider: ${WEBHOOK_PROVIDER_NAMES.join(', ')}`);
  }
  const topic = values.event ?? Object.keys(WEBHOOK_SAMPLES[provider])[0] ?? '';
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 100) throw new Error('--repeat must be a whole number, 1–100');
  const tenantId = values.tenant;
  const apiUrl = values.url.replace(/\/$/, '');
  const shopDomain = provider === 'shopify' ? (values.shop ?? `${tenantId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.myshopify.com`) : undefined;

  if (!values['no-connect']) {
    const changes = await ensureLocalWebhookConnection({
      apiUrl,
      tenantId,
      provider,
      secret: values.secret,
      shopDomain,
      jwtSecret: process.env['JWT_SECRET'] || LOCAL_JWT_SECRET,
    });
    for (const change of changes) console.log(change);
  }

  const sample = webhookSampleFor(provider, topic, {
    order: values.order,
    amount: values.amount,
    currency: values.currency,
    email: values.email,
    user: values.user,
    refund: values.refund,
    shopDomain: shopDomain ?? '',
  });
  // A public Shopify app has one URL for every shop (the shop is a header); others name the tenant.
  const path = provider === 'shopify' ? '/webhooks/shopify' : `/webhooks/${provider}/${encodeURIComponent(tenantId)}`;
  const url = `${apiUrl}${path}`;
  const secret = values.forge ? `${values.secret}-forged` : values.secret;
  let failed = false;
  for (let attempt = 1; attempt <= repeat; attempt += 1) {
    // Signed at each attempt, as providers sign their retries; the delivery's id stays the same.
    const signature = signDelivery(provider, {
      body: sample.body,
      secret,
      url,
      timestamp: values.stale ? new Date(Date.now() - TEN_MINUTES_MS) : new Date(),
    });
    // The scheme the URL was signed with (HubSpot signs it), as a proxy in front would say it.
    const headers = { ...sample.headers, ...signature, 'x-forwarded-proto': new URL(url).protocol.replace(':', '') };
    const response = await fetch(url, { method: 'POST', headers, body: sample.body });
    const answer = await response.text();
    failed ||= !response.ok;
    console.log(`${attempt > 1 ? `(${attempt}) ` : ''}POST ${url} ${provider} ${topic} → ${response.status} ${answer}`);
  }
  if (!failed && CREDITING_TOPICS.includes(topic)) {
    console.log(
      [
        '',
        'The processor credits the order in a moment. The customer, by email, with their points:',
        `  TOKEN=$(npm run -s token -- --role staff --tenant ${tenantId})`,
        `  curl -s -H "Authorization: Bearer $TOKEN" "${apiUrl}/users?email=${encodeURIComponent(values.email)}"`,
        'What arrived (accepted, duplicates, refused), newest first:',
        `  TOKEN=$(npm run -s token -- --role owner --tenant ${tenantId})`,
        `  curl -s -H "Authorization: Bearer $TOKEN" "${apiUrl}/webhooks/deliveries"`,
      ].join('\n'),
    );
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`${error.message}\nIs the local stack running (npm start, or npm run api)?`);
  process.exit(1);
});
