import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { OidcProviderConfig } from '../../src/server/config';
import { startOidcStandin, type OidcStandin } from '../../scripts/thaid-standin';

/** The app's redirect URLs in tests (the app answers through `inject`, so any origin does). */
export const APP_ORIGIN = 'http://archeep.test';
export const THAID_CALLBACK = `${APP_ORIGIN}/api/auth/thaid/callback`;
export const LINE_CALLBACK = `${APP_ORIGIN}/api/auth/line/callback`;

export interface Standins {
  thaid: OidcStandin;
  line: OidcStandin;
  /** Config overrides pointing the app at both. */
  config: { thaid: OidcProviderConfig; line: OidcProviderConfig };
  close(): Promise<void>;
}

/** The ThaiD and LINE stand-ins (scripts/thaid-standin.ts: real oidc-provider) on loopback, random ports. */
export async function startStandins(appOrigin = APP_ORIGIN): Promise<Standins> {
  const thaid = await startOidcStandin({
    kind: 'thaid',
    clients: [
      { clientId: 'archeep', clientSecret: 'thaid-test-secret', redirectUris: [`${appOrigin}/api/auth/thaid/callback`] },
      // Another relying party of the same ThaiD: its tokens are not for Archeep.
      { clientId: 'another-app', clientSecret: 'another-secret', redirectUris: [`${appOrigin}/api/auth/thaid/callback`] },
    ],
  });
  const line = await startOidcStandin({
    kind: 'line',
    clients: [{ clientId: '1650000000', clientSecret: 'line-test-secret', redirectUris: [`${appOrigin}/api/auth/line/callback`] }],
  });
  return {
    thaid,
    line,
    config: {
      thaid: {
        issuer: thaid.issuer,
        clientId: 'archeep',
        clientSecret: 'thaid-test-secret',
        redirectUrl: `${appOrigin}/api/auth/thaid/callback`,
        scope: 'openid pid name birthdate',
      },
      line: {
        issuer: line.issuer,
        clientId: '1650000000',
        clientSecret: 'line-test-secret',
        redirectUrl: `${appOrigin}/api/auth/line/callback`,
        scope: 'openid profile',
      },
    },
    close: async () => {
      await thaid.close();
      await line.close();
    },
  };
}

/**
 * Plays the browser at the provider: follows the authorisation URL to the sign-in page, picks the
 * citizen and follows the redirects back, keeping the provider's cookies. Answers the callback URL
 * the provider sent the browser to (not followed: the test calls the app with it).
 */
export async function pickAtProvider(authorizationUrl: string, sub: string): Promise<URL> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  const origin = new URL(authorizationUrl).origin;
  for (let hops = 0; hops < 10; hops++) {
    const response = await go(url);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin !== origin) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no sign-in form at ${url}: ${response.status} ${html.slice(0, 300)}`);
    const posted = await go(new URL(action, url).href, {
      method: 'POST',
      body: new URLSearchParams({ sub }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (posted.status < 300 || posted.status >= 400) throw new Error(`the pick answered ${posted.status}: ${await posted.text()}`);
    url = new URL(posted.headers.get('location')!, url).href;
  }
  throw new Error('too many redirects at the provider');
}

export type RogueScenario = 'good' | 'other-audience' | 'expired' | 'wrong-nonce' | 'wrong-issuer' | 'unknown-key' | 'bad-pid' | 'unsigned';

export interface RogueProvider {
  issuer: string;
  scenario: RogueScenario;
  config: OidcProviderConfig;
  close(): Promise<void>;
}

/**
 * A tiny OpenID provider whose token endpoint answers ID tokens made with jose to order: a good
 * one (so a refusal below is the defect's doing, not the set-up's), one for another client, one
 * expired, one with another nonce, one from another issuer, one signed by a key it does not
 * publish, one unsigned, one whose `pid` fails its checksum. Discovery, keys and the authorisation
 * redirect are as a provider's; the app's real client talks to it.
 */
export async function startRogueProvider(pid: string, appOrigin = APP_ORIGIN): Promise<RogueProvider> {
  const published = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const publicJwk: JWK = { ...(await exportJWK(published.publicKey)), kid: 'published', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string }>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rogue: RogueProvider = {
    issuer,
    scenario: 'good',
    config: {
      issuer,
      clientId: 'archeep',
      clientSecret: 'rogue-secret',
      redirectUrl: `${appOrigin}/api/auth/thaid/callback`,
      scope: 'openid pid name birthdate',
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url!, issuer);
      const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/.well-known/openid-configuration') {
        return json({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') return json({ keys: [publicJwk] });
      if (url.pathname === '/auth') {
        const code = `code-${codes.size + 1}-${Math.random().toString(36).slice(2)}`;
        codes.set(code, { nonce: url.searchParams.get('nonce') ?? '' });
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        return res.writeHead(302, { location: back.href }).end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        const grant = codes.get(form.get('code') ?? '');
        if (!grant) return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant' }));
        codes.delete(form.get('code')!);
        const s = rogue.scenario;
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          pid: s === 'bad-pid' ? `${pid.slice(0, 12)}${(Number(pid[12]) + 1) % 10}` : pid,
          name: 'ทดสอบ ปลอม',
          given_name: 'ทดสอบ',
          family_name: 'ปลอม',
          nonce: s === 'wrong-nonce' ? 'not-the-nonce' : grant.nonce,
        };
        let idToken: string;
        if (s === 'unsigned') {
          const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          idToken = `${part({ alg: 'none' })}.${part({ ...claims, iss: issuer, aud: 'archeep', sub: 'rogue-1', iat: now, exp: now + 300 })}.`;
        } else {
          idToken = await new SignJWT(claims)
            .setProtectedHeader({ alg: 'RS256', kid: 'published' })
            .setIssuer(s === 'wrong-issuer' ? 'https://imauth.bora.dopa.go.th' : issuer)
            .setAudience(s === 'other-audience' ? 'another-app' : 'archeep')
            .setSubject('rogue-1')
            .setIssuedAt(s === 'expired' ? now - 7200 : now)
            .setExpirationTime(s === 'expired' ? now - 3600 : now + 300)
            .sign(s === 'unknown-key' ? stranger.privateKey : published.privateKey);
        }
        return json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      res.writeHead(404).end();
    })();
  });
  return rogue;
}
