import { ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiConfig } from '../app/api-config';
import { TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-jwt-secret-0123456789abcdef';
const claims = { tenantId: 'demo', role: 'owner' };
const now = () => Math.floor(Date.now() / 1000);

function verifierWith(settings: Partial<ApiConfig>) {
  return new TokenVerifier(new ConfigService<ApiConfig, true>(settings as ApiConfig));
}

interface Signing {
  readonly alg: string;
  readonly key: KeyLike | Uint8Array;
  readonly kid?: string;
}

function sign(signing: Signing, payload: Record<string, unknown> = claims, build = (jwt: SignJWT) => jwt) {
  return build(
    new SignJWT(payload)
      .setProtectedHeader({ alg: signing.alg, ...(signing.kid && { kid: signing.kid }) })
      .setSubject('user_1')
      .setIssuedAt()
      .setExpirationTime('5m'),
  ).sign(signing.key);
}

const hs256: Signing = { alg: 'HS256', key: new TextEncoder().encode(SECRET) };

describe('TokenVerifier with the shared secret (HS256)', () => {
  const verifier = verifierWith({ JWT_SECRET: SECRET });

  it('gives the principal of a valid token', async () => {
    // Act
    const principal = await verifier.verify(await sign(hs256));

    // Assess
    expect(principal).toEqual({ sub: 'user_1', tenantId: 'demo', role: 'owner' });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    // Prepare
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ ...claims, sub: 'user_1', exp: now() + 300 })}.`;

    // Act & Assess
    expect(await verifier.verify(unsigned)).toBeUndefined();
  });

  it('refuses a token signed with another secret', async () => {
    // Act & Assess
    expect(await verifier.verify(await sign({ alg: 'HS256', key: new TextEncoder().encode('x'.repeat(40)) }))).toBeUndefined();
  });

  it('refuses a token signed with an asymmetric key', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('ES256');

    // Act & Assess
    expect(await verifier.verify(await sign({ alg: 'ES256', key: privateKey }))).toBeUndefined();
  });

  it('refuses a token without exp', async () => {
    // Prepare
    const neverExpiring = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('user_1').sign(hs256.key);

    // Act & Assess
    expect(await verifier.verify(neverExpiring)).toBeUndefined();
  });

  it.each([
    ['expired beyond the clock tolerance', (jwt: SignJWT) => jwt.setExpirationTime(now() - 60)],
    ['not valid before a minute from now', (jwt: SignJWT) => jwt.setNotBefore(now() + 60)],
  ])('refuses a token %s', async (_case, build) => {
    // Act & Assess
    expect(await verifier.verify(await sign(hs256, claims, build))).toBeUndefined();
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    // Act
    const principal = await verifier.verify(await sign(hs256, claims, (jwt) => jwt.setExpirationTime(now() - 10)));

    // Assess
    expect(principal?.sub).toBe('user_1');
  });

  it.each([
    ['without tenantId', { role: 'owner' }],
    ['without role', { tenantId: 'demo' }],
    ['with an unknown role', { tenantId: 'demo', role: 'root' }],
    ['with a tenant id that could forge a key', { tenantId: 'demo#USER#x', role: 'owner' }],
  ])('refuses a token %s', async (_case, payload) => {
    // Act & Assess
    expect(await verifier.verify(await sign(hs256, payload))).toBeUndefined();
  });

  it('requires the configured issuer and audience', async () => {
    // Prepare
    const strict = verifierWith({ JWT_SECRET: SECRET, JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'loyalty-api' });
    const issued = (issuer: string, audience: string) =>
      sign(hs256, claims, (jwt) => jwt.setIssuer(issuer).setAudience(audience));

    // Act
    const right = await strict.verify(await issued('https://id.example.com', 'loyalty-api'));
    const wrongIssuer = await strict.verify(await issued('https://evil.example.com', 'loyalty-api'));
    const wrongAudience = await strict.verify(await issued('https://id.example.com', 'other-api'));

    // Assess
    expect(right?.sub).toBe('user_1');
    expect(wrongIssuer).toBeUndefined();
    expect(wrongAudience).toBeUndefined();
  });
});

describe('TokenVerifier with a key set (JWT_JWKS_URL)', () => {
  let server: Server;
  let jwksUrl: string;
  let rs256: Signing;
  let es256: Signing;
  let respond: (response: import('node:http').ServerResponse) => void;
  let keySet: { keys: JWK[] };

  beforeAll(async () => {
    const [rsa, ec] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('ES256')]);
    rs256 = { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' };
    es256 = { alg: 'ES256', key: ec.privateKey, kid: 'ec-1' };
    keySet = {
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    };
    server = createServer((_request, response) => respond(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  beforeEach(() => {
    respond = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keySet));
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // A fresh verifier per test: each has its own key set cache, fetched on first use.
  const keySetVerifier = () => verifierWith({ JWT_JWKS_URL: jwksUrl, JWT_SECRET: SECRET });

  it.each([
    ['RS256', () => rs256],
    ['ES256', () => es256],
  ])('accepts a %s token signed by a key of the set', async (_alg, signing) => {
    // Act
    const principal = await keySetVerifier().verify(await sign(signing()));

    // Assess
    expect(principal).toEqual({ sub: 'user_1', tenantId: 'demo', role: 'owner' });
  });

  it('refuses HS256 tokens, even signed with the configured secret', async () => {
    // Act & Assess
    expect(await keySetVerifier().verify(await sign(hs256))).toBeUndefined();
  });

  it('refuses a token signed by a key outside the set, whatever kid it claims', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('RS256');
    const verifier = keySetVerifier();

    // Act
    const claimingKnownKid = await verifier.verify(await sign({ alg: 'RS256', key: privateKey, kid: 'rsa-1' }));
    const unknownKid = await verifier.verify(await sign({ alg: 'RS256', key: privateKey, kid: 'rsa-9' }));

    // Assess
    expect(claimingKnownKid).toBeUndefined();
    expect(unknownKid).toBeUndefined();
  });

  it('answers 503, not 401, while the key set cannot be fetched', async () => {
    // Prepare
    respond = (response) => response.writeHead(500).end('down');

    // Act
    const verify = keySetVerifier().verify(await sign(rs256));

    // Assess
    await expect(verify).rejects.toThrow(ServiceUnavailableException);
  });

  it('answers 503 when nothing listens at the key set URL', async () => {
    // Prepare
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const verifier = verifierWith({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });

    // Act
    const verify = verifier.verify(await sign(rs256));

    // Assess
    await expect(verify).rejects.toThrow(ServiceUnavailableException);
  });
});
