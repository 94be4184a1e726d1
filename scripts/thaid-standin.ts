/**
 * A real OpenID provider standing in for ThaiD (DOPA's digital ID) and for LINE Login, on
 * loopback, for tests and the demo (issue 21 §1). It is oidc-provider, a maintained, certified
 * provider library, configured with ThaiD's claims: `pid` (the 13-digit national ID), `name`,
 * `given_name`, `family_name` and `birthdate`, in the ID token; LINE's issues `sub` (a LINE user
 * id, `U` and 32 hex digits) and `name`. Its sign-in page lists demo citizens to pick from.
 *
 *   npm run thaid:standin            ThaiD on http://127.0.0.1:4010, LINE on http://127.0.0.1:4011
 *
 * and start Archeep with the variables it prints. Tests call `startOidcStandin` on port 0.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

export interface StandinCitizen {
  /** The provider's subject for her (opaque, stable). */
  sub: string;
  pid: string;
  given_name: string;
  family_name: string;
  birthdate: string;
  /** Her LINE user id, when she has LINE. */
  lineUserId?: string;
}

/**
 * The demo's citizens: the first is registered by the demo (`scripts/demo-registry.ts`, a man of
 * Khon Kaen whose disability is recorded with consent), the second and third are in no registry,
 * so they register themselves.
 */
export const DEMO_CITIZENS: StandinCitizen[] = [
  { sub: 'thaid-0001', pid: '1400100000015', given_name: 'ประสิทธิ์', family_name: 'มั่นคงดี', birthdate: '1978-04-12', lineUserId: `U${'a1'.repeat(16)}` },
  { sub: 'thaid-0002', pid: '1100700123455', given_name: 'มาลี', family_name: 'ใจงาม', birthdate: '1990-11-02', lineUserId: `U${'b2'.repeat(16)}` },
  { sub: 'thaid-0003', pid: '3401200345674', given_name: 'สมศรี', family_name: 'รักถิ่น', birthdate: '1985-01-20', lineUserId: `U${'c3'.repeat(16)}` },
];

export interface StandinClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcStandin {
  kind: 'thaid' | 'line';
  issuer: string;
  citizens: StandinCitizen[];
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string) {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:sans-serif;margin:0;padding:16px;max-width:480px}button{display:block;width:100%;padding:14px;margin:8px 0;font-size:16px;text-align:left}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts one provider (ThaiD's claims or LINE's) on loopback; port 0 picks a free one. */
export async function startOidcStandin(options: {
  kind: 'thaid' | 'line';
  port?: number;
  clients: StandinClient[];
  citizens?: StandinCitizen[];
}): Promise<OidcStandin> {
  const citizens = options.citizens ?? DEMO_CITIZENS;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `${options.kind}-${randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' };

  // The subject: ThaiD's opaque id, or LINE's user id (`U` and 32 hex digits).
  const accountIdOf = (c: StandinCitizen) =>
    options.kind === 'thaid' ? c.sub : (c.lineUserId ?? `U${Buffer.from(c.sub).toString('hex').padEnd(32, '0').slice(0, 32)}`);
  const claimsOf = (c: StandinCitizen): Record<string, string> =>
    options.kind === 'thaid'
      ? { sub: c.sub, pid: c.pid, name: `${c.given_name} ${c.family_name}`, given_name: c.given_name, family_name: c.family_name, birthdate: c.birthdate }
      : { sub: accountIdOf(c), name: c.given_name };

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims:
      options.kind === 'thaid'
        ? { openid: ['sub'], pid: ['pid'], name: ['name', 'given_name', 'family_name'], birthdate: ['birthdate'] }
        : { openid: ['sub'], profile: ['name'] },
    scopes: options.kind === 'thaid' ? ['openid', 'pid', 'name', 'birthdate'] : ['openid', 'profile'],
    // ThaiD puts the citizen's claims in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    findAccount: async (_ctx: unknown, id: string) => {
      const citizen = citizens.find((c) => accountIdOf(c) === id);
      return citizen ? { accountId: id, claims: async () => claimsOf(citizen) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });

  const name = options.kind === 'thaid' ? 'ThaiD (stand-in)' : 'LINE (stand-in)';
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/pick)?$/.exec(req.url?.split('?')[0] ?? '');
    if (!match) return handle(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const finish = async (accountId: string) => {
          const grant = new provider.Grant({ accountId, clientId: details.params.client_id! });
          grant.addOIDCScope(details.params.scope ?? 'openid');
          const grantId = await grant.save();
          await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
        };
        if (details.prompt.name === 'consent' && details.session?.accountId) return await finish(details.session.accountId);
        if (match[2] && req.method === 'POST') {
          const form = await readForm(req);
          const citizen = citizens.find((c) => c.sub === form.get('sub'));
          if (!citizen) {
            res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('unknown citizen');
            return;
          }
          return await finish(accountIdOf(citizen));
        }
        const buttons = citizens
          .map(
            (c) =>
              `<button type="submit" name="sub" value="${escapeHtml(c.sub)}">${escapeHtml(`${c.given_name} ${c.family_name}`)} (${c.pid.slice(0, 1)}-xxxx-xxxxx-${c.pid.slice(10, 12)}-${c.pid.slice(12)})</button>`,
          )
          .join('');
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            page(
              name,
              `<p>เลือกผู้ใช้ตัวอย่างเพื่อเข้าสู่ระบบ / Pick a demo citizen to sign in as</p><form method="post" action="/interaction/${escapeHtml(details.uid)}/pick">${buttons}</form>`,
            ),
          );
      } catch (error) {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(error instanceof Error ? error.message : 'interaction failed');
      }
    })();
  });

  return {
    kind: options.kind,
    issuer,
    citizens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `npm run thaid:standin`: both stand-ins on fixed ports, for an Archeep at APP_URL (default http://localhost:3000). */
async function main() {
  const app = (process.env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const thaid = await startOidcStandin({
    kind: 'thaid',
    port: Number(process.env.THAID_STANDIN_PORT ?? 4010),
    clients: [{ clientId: 'archeep', clientSecret: 'archeep-thaid-secret', redirectUris: [`${app}/api/auth/thaid/callback`] }],
  });
  const line = await startOidcStandin({
    kind: 'line',
    port: Number(process.env.LINE_STANDIN_PORT ?? 4011),
    clients: [{ clientId: '1650000000', clientSecret: 'archeep-line-secret', redirectUris: [`${app}/api/auth/line/callback`] }],
  });
  console.log(`ThaiD stand-in: ${thaid.issuer}   LINE stand-in: ${line.issuer}
Start Archeep with:
  THAID_ISSUER=${thaid.issuer} THAID_CLIENT_ID=archeep THAID_CLIENT_SECRET=archeep-thaid-secret THAID_REDIRECT_URL=${app}/api/auth/thaid/callback \\
  LINE_ISSUER=${line.issuer} LINE_CHANNEL_ID=1650000000 LINE_CHANNEL_SECRET=archeep-line-secret LINE_REDIRECT_URL=${app}/api/auth/line/callback \\
  npm start
Demo citizens: ${DEMO_CITIZENS.map((c) => `${c.given_name} ${c.family_name} ${c.pid}`).join('; ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
