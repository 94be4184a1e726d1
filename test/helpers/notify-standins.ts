import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for the notification channels, on loopback and random ports, started by the
 * tests themselves (and by `npm run notify:standins` for the demo). Each checks a request as the
 * real service defines it and records what it accepted.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const answer = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

export interface LinePush {
  to: string;
  text: string;
  retryKey: string;
}

/**
 * The LINE Messaging API's push endpoint as documented: POST /v2/bot/message/push, `Authorization:
 * Bearer <channel access token>`, JSON `{to, messages: [{type: 'text', text}]}` (1 to 5 messages,
 * text 1 to 5,000 characters), an optional `X-Line-Retry-Key` UUID; a key already accepted is
 * answered 409 with `x-line-accepted-request-id`, as LINE does. `failNext` answers the next calls
 * with an error status (500 by default) to exercise retries.
 */
export async function startLineStandIn(token = `standin-${randomUUID()}`) {
  const pushes: LinePush[] = [];
  const accepted = new Map<string, string>();
  const failures: number[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      if (request.method !== 'POST' || request.url !== '/v2/bot/message/push') return answer(response, 404, { message: 'Not found' });
      if (request.headers.authorization !== `Bearer ${token}`) return answer(response, 401, { message: 'Authentication failed' });
      if (!String(request.headers['content-type']).startsWith('application/json'))
        return answer(response, 415, { message: 'Content-Type must be application/json' });
      const retryKey = request.headers['x-line-retry-key'];
      if (retryKey !== undefined && (typeof retryKey !== 'string' || !UUID.test(retryKey)))
        return answer(response, 400, { message: 'The value of the X-Line-Retry-Key header is invalid' });
      if (typeof retryKey === 'string' && accepted.has(retryKey))
        return answer(response, 409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': accepted.get(retryKey)! });
      const failure = failures.shift();
      if (failure) return answer(response, failure, { message: 'stand-in failure' });
      let body: { to?: unknown; messages?: unknown };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return answer(response, 400, { message: 'The request body has 1 error(s)' });
      }
      const messages = body.messages as { type?: unknown; text?: unknown }[] | undefined;
      const valid =
        typeof body.to === 'string' &&
        /^U[0-9a-f]{32}$/.test(body.to) &&
        Array.isArray(messages) &&
        messages.length >= 1 &&
        messages.length <= 5 &&
        messages.every((m) => m.type === 'text' && typeof m.text === 'string' && m.text.length >= 1 && m.text.length <= 5000);
      if (!valid) return answer(response, 400, { message: 'The request body has 1 error(s)' });
      const requestId = randomUUID();
      if (typeof retryKey === 'string') accepted.set(retryKey, requestId);
      for (const m of messages) pushes.push({ to: body.to as string, text: m.text as string, retryKey: String(retryKey ?? '') });
      answer(response, 200, { sentMessages: messages.map(() => ({ id: requestId, quoteToken: randomUUID() })) }, { 'x-line-request-id': requestId });
    })();
  });
  const url = await listen(server);
  return {
    url,
    token,
    pushes,
    failNext: (times: number, status = 500) => failures.push(...Array.from({ length: times }, () => status)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmsSent {
  to: string;
  from: string;
  text: string;
  reference: string;
}

/** The SMS gateway of `channels.ts`' contract: POST /sms, `X-Api-Key`, `Idempotency-Key`, `{to, from, text, reference}`. */
export async function startSmsStandIn(apiKey = `standin-${randomUUID()}`) {
  const messages: SmsSent[] = [];
  const accepted = new Map<string, string>();
  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      if (request.method !== 'POST' || request.url !== '/sms') return answer(response, 404, { error: 'not found' });
      if (request.headers['x-api-key'] !== apiKey) return answer(response, 401, { error: 'bad api key' });
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !UUID.test(key)) return answer(response, 400, { error: 'Idempotency-Key must be a UUID' });
      if (accepted.has(key)) return answer(response, 409, { id: accepted.get(key) });
      let body: Partial<SmsSent>;
      try {
        body = JSON.parse(raw) as Partial<SmsSent>;
      } catch {
        return answer(response, 400, { error: 'not JSON' });
      }
      if (!/^\+66\d{8,9}$/.test(String(body.to)) || typeof body.text !== 'string' || !body.text || body.text.length > 670 || body.reference !== key)
        return answer(response, 400, { error: 'bad message' });
      const id = randomUUID();
      accepted.set(key, id);
      messages.push(body as SmsSent);
      answer(response, 202, { id });
    })();
  });
  const base = await listen(server);
  return { url: `${base}/sms`, apiKey, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface MailReceived {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) decoded. */
const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_all, kind: string, data: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );

/** A single-part text message read plainly: unfolded headers, the body decoded by its transfer encoding. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  let body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { headers, text: body.replace(/\r\n$/, '') };
}

/** An SMTP server (smtp-server) that accepts every message and records it. */
export async function startSmtpStandIn() {
  const mails: MailReceived[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: headers.get('subject') ?? '',
          messageId: headers.get('message-id') ?? '',
          text,
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
