import fc from 'fast-check';
import type { Server } from 'node:http';
import request from 'supertest';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request a fuzz run sends; `body` is the raw text of the request body. */
export interface FuzzRequest {
  readonly method: Method;
  readonly path: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A route and how to make hostile requests to it: every request it generates must be refused. */
export interface FuzzRoute {
  readonly name: string;
  readonly requests: fc.Arbitrary<FuzzRequest>;
}

export interface RouteInputs {
  /** Values for each `{name}` in the path; sent percent-encoded. */
  readonly params?: Readonly<Record<string, fc.Arbitrary<string>>>;
  /** JSON bodies; the harness also sends malformed JSON and other content types. */
  readonly body?: fc.Arbitrary<unknown>;
  readonly query?: fc.Arbitrary<Record<string, unknown>>;
}

const CLIENT_ERROR_CODES = /^(VALIDATION_ERROR|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|INSUFFICIENT_POINTS|RATE_LIMIT_EXCEEDED)$/;

const visibleAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 });

/** Headers a client might send, in any combination; none of them may change what a request may do. */
const hostileHeaders = fc.record(
  {
    'idempotency-key': fc.oneof(visibleAscii, fc.uuid()),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data'),
    'x-forwarded-for': visibleAscii,
  },
  { requiredKeys: [] },
);

/**
 * One line of the route table: `fuzzRoute('PATCH /users/{userId}', { params: { userId: ids }, body: bodies })`.
 * Requests get the route's inputs, random headers and, for routes with a body, sometimes malformed JSON.
 */
export function fuzzRoute(name: string, inputs: RouteInputs = {}): FuzzRoute {
  const [method, template] = name.split(' ') as [Method, string];
  const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map(([, param]) => param);
  const params = fc.record(
    Object.fromEntries(placeholders.map((param) => [param, inputs.params?.[param] ?? fc.string()])),
  ) as fc.Arbitrary<Record<string, string>>;
  const body = inputs.body
    ? fc.oneof(
        { weight: 4, arbitrary: inputs.body.map((value) => JSON.stringify(value) ?? 'null') },
        // Zero bytes too, which a lenient parser reads as `{}`: a valid change on routes whose fields are all optional.
        { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.string()) },
      )
    : fc.constant(undefined);
  const requests = fc.record({ params, query: inputs.query ?? fc.constant({}), headers: hostileHeaders, body }).map(
    ({ params: values, query, headers, body: text }): FuzzRequest => ({
      method,
      path: template.replace(/\{(\w+)\}/g, (_placeholder, param: string) => encodeURIComponent(values[param] ?? '')),
      query,
      headers,
      ...(text !== undefined && { body: text }),
    }),
  );
  return { name, requests };
}

export interface FuzzOptions {
  /** Bearer tokens to choose from; requests are also sent with no token and with a forged one. */
  readonly tokens: readonly string[];
  /** A fingerprint of everything the requests could change; it must be the same after each one. */
  readonly fingerprint: () => Promise<string>;
  readonly numRuns: number;
  /** Tenants an X-Tenant-Id header may name (an admin acts in them): the fingerprint must cover them. */
  readonly tenantIds: readonly string[];
}

/**
 * Sends random hostile requests to random routes of the table and asserts, for each one, a 4xx
 * answer in the error envelope (never a 5xx) and an unchanged fingerprint.
 */
export async function assertRoutesRefuseHostileRequests(server: Server, routes: readonly FuzzRoute[], options: FuzzOptions) {
  // Compared with the state just before each request, so that a write is blamed on the request that made it.
  let current = await options.fingerprint();
  const tokens = fc.constantFrom<string | undefined>(...options.tokens, undefined, 'forged.token.value');
  const tenantHeaders = fc.option(fc.constantFrom(...options.tenantIds, '', '*', 'two,tenants'), { nil: undefined });
  const cases = fc.oneof(...routes.map((route) => route.requests.map((sent) => ({ route: route.name, sent }))));
  await fc.assert(
    fc.asyncProperty(cases, tokens, tenantHeaders, async ({ sent }, token, tenantHeader) => {
      const headers = tenantHeader === undefined ? sent.headers : { ...sent.headers, 'x-tenant-id': tenantHeader };
      const response = await send(server, { ...sent, headers }, token);
      // Taken before any assertion: a failed request must not leave a stale fingerprint behind,
      // or every request tried while shrinking would fail too and the counterexample would be wrong.
      const before = current;
      current = await options.fingerprint();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(Object.keys(response.body).sort()).toEqual(['error', 'requestId', 'success']);
      expect(response.body).toMatchObject({
        success: false,
        error: { code: expect.stringMatching(CLIENT_ERROR_CODES), message: expect.any(String) },
        requestId: response.headers['x-request-id'],
      });
      expect(current).toBe(before);
    }),
    { numRuns: options.numRuns },
  );
}

function send(server: Server, sent: FuzzRequest, token: string | undefined) {
  let call = request(server)[sent.method.toLowerCase() as Lowercase<Method>](sent.path).query(sent.query as Record<string, string>);
  for (const [name, value] of Object.entries(sent.headers)) call = call.set(name, value);
  if (token !== undefined) call = call.set('authorization', `Bearer ${token}`);
  return sent.body === undefined ? call : call.send(sent.body);
}
