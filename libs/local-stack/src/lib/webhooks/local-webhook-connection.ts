import { secretFingerprint, type WebhookProviderName } from '@loyalty/domain';
import { signToken } from '../auth/sign-token';

export interface LocalConnectionRequest {
  readonly apiUrl: string;
  readonly tenantId: string;
  readonly provider: WebhookProviderName;
  readonly secret: string;
  /** Shopify: the shop the tenant is. */
  readonly shopDomain?: string;
  /** Signs the admin token the requests carry. */
  readonly jwtSecret: string;
}

/**
 * Makes sure the local tenant exists and is connected to the provider with this secret (and shop),
 * through the API as an admin would: creates the tenant, and puts the connection when it is missing
 * or holds other secrets. Says what it did, one line per change.
 */
export async function ensureLocalWebhookConnection(request: LocalConnectionRequest): Promise<string[]> {
  const { apiUrl, tenantId, provider, secret, shopDomain } = request;
  const token = await signToken({ sub: 'local-webhook-tool', tenantId, role: 'admin' }, request.jwtSecret, { expiresIn: '5m' });
  const call = async (method: string, path: string, body?: object) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const answer = (await response.json()) as { data?: unknown; error?: { message?: string } };
    return { status: response.status, answer };
  };
  const done: string[] = [];
  const tenant = await call('GET', `/tenants/${encodeURIComponent(tenantId)}`);
  if (tenant.status === 404) {
    await expectSuccess(call('POST', '/tenants', { tenantId, name: tenantId }), `create tenant ${tenantId}`);
    done.push(`Created tenant ${tenantId}`);
  } else if (tenant.status !== 200) {
    throw new Error(`Could not read tenant ${tenantId}: ${tenant.status} ${JSON.stringify(tenant.answer)}`);
  }
  const listed = await expectSuccess(call('GET', `/tenants/${encodeURIComponent(tenantId)}/webhooks`), 'list its webhook connections');
  const connections = (listed as { connections: { provider: string; secrets: { fingerprint: string }[]; shopDomain?: string }[] }).connections;
  const current = connections.find((connection) => connection.provider === provider);
  const upToDate =
    current !== undefined &&
    current.secrets.some(({ fingerprint }) => fingerprint === secretFingerprint(secret)) &&
    (shopDomain === undefined || current.shopDomain === shopDomain);
  if (!upToDate) {
    await expectSuccess(
      call('PUT', `/tenants/${encodeURIComponent(tenantId)}/webhooks/${provider}`, { secrets: [secret], ...(shopDomain && { shopDomain }) }),
      `connect ${tenantId} to ${provider}`,
    );
    done.push(`Connected ${tenantId} to ${provider} (secret ${secretFingerprint(secret)}${shopDomain ? `, shop ${shopDomain}` : ''})`);
  }
  return done;
}

async function expectSuccess(pending: Promise<{ status: number; answer: { data?: unknown; error?: { message?: string } } }>, what: string): Promise<unknown> {
  const { status, answer } = await pending;
  if (status < 200 || status >= 300) throw new Error(`Could not ${what}: ${status} ${answer.error?.message ?? JSON.stringify(answer)}`);
  return answer.data;
}
