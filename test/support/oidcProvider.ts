import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/**
 * A local OpenID provider on 127.0.0.1 for login tests — tests never touch the network. It
 * serves discovery (/.well-known/openid-configuration), its signing key (/jwks), /authorize
 * (answers at once with a redirect back: code and state, for the user set in `nextUser`) and
 * /token (client_secret_basic, the code once, the redirect URI it was issued for, and the PKCE
 * S256 check of code_verifier against the code_challenge; answers an ID token signed RS256).
 *
 * Faults for the next login: `nextFault` = 'wrong_nonce' (the ID token carries another nonce),
 * 'foreign_key' (signed by a key the provider never published, under the published key's id),
 * or 'wrong_audience'. Every /authorize and /token request is recorded.
 */
export interface StubUser {
  sub: string;
  email?: string;
  name?: string;
}

export type StubFault = 'wrong_nonce' | 'foreign_key' | 'wrong_audience' | null;

export interface AuthorizeRequest {
  params: Record<string, string>;
}

export interface TokenRequest {
  params: Record<string, string>;
  /** The PKCE check: the verifier's S256 matched the code's challenge, did not, or was missing. */
  pkce: 'ok' | 'mismatch' | 'missing';
  status: number;
}

export interface OidcStub {
  issuer: string;
  clientId: string;
  clientSecret: string;
  nextUser: StubUser;
  nextFault: StubFault;
  authorizeRequests: AuthorizeRequest[];
  tokenRequests: TokenRequest[];
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  nonce: string | null;
  challenge: string | null;
  user: StubUser;
  fault: StubFault;
}

const KID = 'styrkort-test-1';

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** client_secret_basic (RFC 6749 2.3.1): both parts form-encoded, then Base64. */
function clientAuthenticated(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return false;
  const [id, secret] = Buffer.from(m[1] ?? '', 'base64').toString('utf8').split(':');
  const decode = (part: string | undefined) => decodeURIComponent((part ?? '').replace(/\+/g, ' '));
  return decode(id) === clientId && decode(secret) === clientSecret;
}

async function body(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOidcStub(options: { clientId?: string; clientSecret?: string } = {}): Promise<OidcStub> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub: OidcStub = {
    issuer,
    clientId: options.clientId ?? 'styrkort',
    clientSecret: options.clientSecret ?? 'hemlig-klientnyckel',
    nextUser: { sub: 'användare-1' },
    nextFault: null,
    authorizeRequests: [],
    tokenRequests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const json = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(value));
  };

  async function idToken(grant: Grant): Promise<string> {
    const key: CryptoKey = grant.fault === 'foreign_key' ? stranger.privateKey : privateKey;
    const claims: Record<string, unknown> = {};
    if (grant.user.email !== undefined) claims.email = grant.user.email;
    if (grant.user.name !== undefined) claims.name = grant.user.name;
    const nonce = grant.fault === 'wrong_nonce' ? 'en-annan-nonce' : grant.nonce;
    if (nonce !== null) claims.nonce = nonce;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(grant.user.sub)
      .setAudience(grant.fault === 'wrong_audience' ? 'någon-annan-klient' : grant.clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  }

  server.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
          scopes_supported: ['openid', 'profile', 'email'],
        });
      }
      if (req.method === 'GET' && url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
      if (req.method === 'GET' && url.pathname === '/authorize') {
        const params = Object.fromEntries(url.searchParams);
        stub.authorizeRequests.push({ params });
        const back = new URL(params.redirect_uri ?? '');
        if (params.client_id !== stub.clientId || params.response_type !== 'code') {
          back.searchParams.set('error', 'invalid_request');
        } else {
          const code = randomBytes(16).toString('base64url');
          grants.set(code, {
            clientId: params.client_id,
            redirectUri: params.redirect_uri ?? '',
            nonce: params.nonce ?? null,
            challenge: params.code_challenge_method === 'S256' ? (params.code_challenge ?? null) : null,
            user: { ...stub.nextUser },
            fault: stub.nextFault,
          });
          stub.nextFault = null;
          back.searchParams.set('code', code);
        }
        if (params.state !== undefined) back.searchParams.set('state', params.state);
        res.writeHead(302, { location: back.href });
        return res.end();
      }
      if (req.method === 'POST' && url.pathname === '/token') {
        const params = Object.fromEntries(new URLSearchParams(await body(req)));
        const record: TokenRequest = { params, pkce: 'missing', status: 400 };
        stub.tokenRequests.push(record);
        if (!clientAuthenticated(req.headers.authorization, stub.clientId, stub.clientSecret)) return json(res, (record.status = 401), { error: 'invalid_client' });
        const grant = grants.get(params.code ?? '');
        grants.delete(params.code ?? '');
        if (params.code_verifier !== undefined) record.pkce = grant?.challenge && s256(params.code_verifier) === grant.challenge ? 'ok' : 'mismatch';
        if (params.grant_type !== 'authorization_code' || !grant || grant.redirectUri !== params.redirect_uri || record.pkce !== 'ok') {
          return json(res, 400, { error: 'invalid_grant' });
        }
        record.status = 200;
        return json(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: await idToken(grant) });
      }
      return json(res, 404, { error: 'not_found' });
    })().catch((error: unknown) => json(res, 500, { error: 'server_error', error_description: String(error) }));
  });
  return stub;
}
