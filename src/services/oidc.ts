import * as client from 'openid-client';
import { StyrkortError } from '../domain/errors.js';

/**
 * Login through the region's identity provider: OpenID Connect, Authorization Code flow with
 * PKCE (S256), state and nonce, by openid-client. The provider's metadata is discovered on
 * first use and kept; a failed discovery is tried again at the next login.
 *
 * `execute` is openid-client's configuration effects (run on the discovered Configuration):
 * `allowInsecureRequests` for a provider on the loopback address (a local test provider or a
 * developer's own), nothing otherwise — chosen from the configuration, not by a test flag.
 * The ID token's signature is always checked against the provider's published keys (jwks_uri):
 * openid-client by itself trusts a token that came straight from the token endpoint over TLS,
 * but a login should not rest on the transport alone (`enableNonRepudiationChecks`).
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback, as registered at the provider: https://…/api/auth/oidc/callback */
  redirectUri: string;
  execute: Array<(config: client.Configuration) => void>;
}

/** What is kept in the browser (in a short-lived, signed, HttpOnly cookie) between start and callback. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface OidcClaims {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
}

/** The configuration effects a provider address calls for: plain HTTP only on the loopback address. */
export function oidcEffectsFor(issuer: string): OidcSettings['execute'] {
  const url = new URL(issuer);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? [client.allowInsecureRequests] : [];
}

export class OidcLogin {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const s = this.settings;
      this.configuration = client
        .discovery(new URL(s.issuer), s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
          execute: [...s.execute, client.enableNonRepudiationChecks],
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.configuration = null;
          throw new StyrkortError('unavailable', `Inloggningstjänsten (${s.issuer}) svarar inte eller är felkonfigurerad: ${(error as Error).message}`);
        });
    }
    return this.configuration;
  }

  /** Where to send the browser, and what to keep until it comes back. */
  async start(returnTo: string): Promise<{ url: string; pending: OidcPending }> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const pending: OidcPending = { state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * The provider's answer (the callback's query string) checked against what was kept: state,
   * PKCE verifier at the token endpoint, the ID token's signature, issuer, audience, expiry and
   * nonce. Returns who logged in; (issuer, subject) is the key.
   */
  async finish(query: string, pending: OidcPending): Promise<OidcClaims> {
    const config = await this.config();
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new StyrkortError('unauthenticated', `Inloggningen kunde inte bekräftas: ${(error as Error).message}`);
    }
    const claims = tokens.claims();
    if (!claims) throw new StyrkortError('unauthenticated', 'Inloggningstjänsten skickade ingen ID-token.');
    const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      name: text(claims.name) ?? text([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ')) ?? text(claims.preferred_username),
      email: text(claims.email),
    };
  }
}
