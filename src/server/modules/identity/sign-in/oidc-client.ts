import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config';

/** What a verified ID token says about its holder (ThaiD's claims; LINE's `sub` and `name`). */
export interface VerifiedClaims {
  sub: string;
  pid?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  birthdate?: string;
  [claim: string]: unknown;
}

/** The secrets of one authorisation request, kept on the server until its callback. */
export interface OidcTransactionSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The one OpenID Connect client code path (openid-client), for ThaiD and LINE alike: the
 * authorization code flow with PKCE (S256), `state` and `nonce`. The ID token's signature is
 * checked against the provider's published keys (`enableNonRepudiationChecks`, also over TLS), and
 * its issuer, audience, expiry, issued-at and nonce by openid-client. Plain http is allowed only
 * for a provider on loopback (the local stand-in in tests and the demo).
 */
export function createOidcClient(provider: OidcProviderConfig) {
  const issuer = new URL(provider.issuer);
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  let configuration: Promise<client.Configuration> | null = null;

  const config = () =>
    (configuration ??= client
      .discovery(issuer, provider.clientId, { client_secret: provider.clientSecret }, client.ClientSecretBasic(provider.clientSecret), {
        execute: [...(insecure ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
      })
      .catch((error: unknown) => {
        // The next request tries discovery again rather than keeping the failure.
        configuration = null;
        throw error;
      }));

  return {
    provider,
    /** A new request's secrets and the provider's address to send the browser to. */
    async start(): Promise<{ url: URL; secrets: OidcTransactionSecrets }> {
      const secrets = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: provider.redirectUrl,
        scope: provider.scope,
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, secrets };
    },

    /** Exchanges the callback's code and answers the verified ID token's claims; throws on anything amiss. */
    async finish(callbackUrl: URL, secrets: OidcTransactionSecrets): Promise<VerifiedClaims> {
      const tokens = await client.authorizationCodeGrant(
        await config(),
        callbackUrl,
        { pkceCodeVerifier: secrets.codeVerifier, expectedState: secrets.state, expectedNonce: secrets.nonce, idTokenExpected: true },
        { redirect_uri: provider.redirectUrl },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider answered without an ID token');
      return claims as VerifiedClaims;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
