import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { NotificationChannel } from '../../db/schema.notifications';
import { clip, LINE_TEXT_MAX } from './notifications.rules';

/**
 * The channel adapters. Each sends one message with the message's idempotency key (a UUID fixed
 * when the outbox row is written, the same on every attempt), so a retry the provider already
 * accepted is recognised where the provider supports it:
 * - LINE Messaging API push: `X-Line-Retry-Key`; LINE answers 409 to a key it already accepted,
 *   which is taken as sent.
 * - SMS gateway (our HTTP contract, below): `Idempotency-Key`, the same answer.
 * - SMTP: the Message-ID `<key@archeep>`, by which mail clients fold a duplicate.
 */
export interface OutgoingMessage {
  id: number;
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
}

export interface ChannelAdapter {
  channel: Exclude<NotificationChannel, 'in-app'>;
  /** Resolves with the provider's id of the message; throws `ChannelError`. */
  send(message: OutgoingMessage): Promise<{ providerId: string | null }>;
  close?(): void;
}

/** A failed send; `permanent` when trying again cannot help (a bad address, a refused token). */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 15_000;

async function post(url: string, headers: Record<string, string>, body: unknown, what: string) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ChannelError(`${what}: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  return response;
}

const statusError = async (what: string, response: Response) => {
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  // 4xx but 408 and 429 are the request's fault: sending it again gives the same answer.
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  return new ChannelError(`${what} answered ${response.status}${detail ? `: ${detail}` : ''}`, permanent);
};

/** LINE Messaging API: POST /v2/bot/message/push with the channel access token. */
export function lineAdapter(options: { baseUrl: string; accessToken: string }): ChannelAdapter {
  return {
    channel: 'line',
    async send(m) {
      const response = await post(
        `${options.baseUrl}/v2/bot/message/push`,
        { authorization: `Bearer ${options.accessToken}`, 'x-line-retry-key': m.idempotencyKey },
        { to: m.to, messages: [{ type: 'text', text: clip(m.text, LINE_TEXT_MAX) }] },
        'LINE',
      );
      // 409 with a retry key: LINE already accepted this very request (an earlier attempt's answer was lost).
      if (response.ok || response.status === 409) {
        return { providerId: response.headers.get('x-line-request-id') ?? response.headers.get('x-line-accepted-request-id') };
      }
      throw await statusError('LINE', response);
    },
  };
}

/**
 * The SMS gateway contract: POST `<SMS_GATEWAY_URL>` with `X-Api-Key: <SMS_GATEWAY_API_KEY>`,
 * `Idempotency-Key: <uuid>` and `{"to": "+66…", "from": "<SMS_SENDER>", "text": "…", "reference": "<uuid>"}`;
 * 2xx `{"id": "…"}` is accepted, 409 is a reference already accepted.
 */
export function smsAdapter(options: { url: string; apiKey: string; sender: string }): ChannelAdapter {
  return {
    channel: 'sms',
    async send(m) {
      const response = await post(
        options.url,
        { 'x-api-key': options.apiKey, 'idempotency-key': m.idempotencyKey },
        { to: m.to, from: options.sender, text: clip(m.text, 670), reference: m.idempotencyKey },
        'SMS gateway',
      );
      if (response.ok || response.status === 409) {
        const body = (await response.json().catch(() => ({}))) as { id?: unknown };
        return { providerId: typeof body.id === 'string' ? body.id : null };
      }
      throw await statusError('SMS gateway', response);
    },
  };
}

/** E-mail through SMTP (nodemailer); the Message-ID carries the idempotency key. */
export function emailAdapter(options: { url: string; from: string }): ChannelAdapter {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'email',
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: `<${m.idempotencyKey}@archeep>`,
          headers: { 'X-Archeep-Notification': String(m.id) },
        });
        return { providerId: info.messageId ?? null };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx from the server refuses the message for good; anything else (4xx, a lost connection) may pass later.
        throw new ChannelError(`SMTP: ${error instanceof Error ? error.message : String(error)}`, code !== undefined && code >= 500);
      }
    },
    close: () => transport.close(),
  };
}

/** The adapters of the channels configured (a channel without its variables is off). */
export function adaptersFrom(notify: Config['notify']): Partial<Record<ChannelAdapter['channel'], ChannelAdapter>> {
  const adapters: Partial<Record<ChannelAdapter['channel'], ChannelAdapter>> = {};
  if (notify.lineAccessToken) adapters.line = lineAdapter({ baseUrl: notify.lineApiUrl, accessToken: notify.lineAccessToken });
  if (notify.smsGatewayUrl && notify.smsApiKey) adapters.sms = smsAdapter({ url: notify.smsGatewayUrl, apiKey: notify.smsApiKey, sender: notify.smsSender });
  if (notify.smtpUrl) adapters.email = emailAdapter({ url: notify.smtpUrl, from: notify.smtpFrom });
  return adapters;
}
