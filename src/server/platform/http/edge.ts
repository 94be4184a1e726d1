import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems, type FieldError } from '../problem';

/**
 * What every request meets before a route: text the database cannot hold is refused, a
 * state-changing request from another site is refused, and every answer carries the security
 * headers. One place, so no route can forget it (issue 15 findings 5, 8 and 9).
 */

// ------------------------------------------------------------------ text the database cannot hold

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored: PostgreSQL text holds no NUL, and UTF-8 no lone surrogate. */
export function unstorable(value: string): 'nul' | 'surrogate' | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

const MAX_DEPTH = 64;

/** The first string (value or key) in `value` that cannot be stored, with its path (`body.members[0].name`). */
export function findUnstorable(value: unknown, path: string, depth = 0): { field: string; reason: 'nul' | 'surrogate' } | null {
  if (typeof value === 'string') {
    const reason = unstorable(value);
    return reason ? { field: path, reason } : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorable(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unstorable(key);
    if (keyReason) return { field: path, reason: keyReason };
    const found = findUnstorable(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function unstorableError(field: string, reason: 'nul' | 'surrogate'): FieldError {
  return reason === 'nul'
    ? {
        field,
        code: 'nul-character',
        message: 'Contains a NUL character (U+0000), which no text field can hold.',
        messageTh: 'มีอักขระ NUL (U+0000) ซึ่งเก็บในช่องข้อความไม่ได้',
      }
    : {
        field,
        code: 'lone-surrogate',
        message: 'Contains a broken character (a lone UTF-16 surrogate), which is not valid Unicode text.',
        messageTh: 'มีอักขระที่เสียหาย (UTF-16 surrogate ที่ไม่มีคู่) ซึ่งไม่ใช่ข้อความ Unicode ที่ถูกต้อง',
      };
}

/** Refuses, before validation, any path segment, query value or JSON string the database could not store. */
async function refuseUnstorable(request: FastifyRequest) {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const found = findUnstorable(value, part);
    if (found) {
      throw problems.validation([unstorableError(found.field, found.reason)], {
        en: `${found.field} cannot be stored: remove the character and send it again.`,
        th: `${found.field} มีอักขระที่บันทึกไม่ได้ กรุณาลบออกแล้วส่งใหม่`,
      });
    }
  }
}

// ------------------------------------------------------------------ cross-site requests

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin (`scheme://host[:port]`) of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * A state-changing request is refused (403) when the browser says it comes from another site
 * (`Sec-Fetch-Site: cross-site` or `same-site`) or its `Origin` is neither the public address nor
 * the address it was sent to. Requests without these headers (scripts, curl, older browsers'
 * same-origin requests) pass: the SameSite=Strict cookie is their guard.
 */
export function crossSiteRefusal(request: FastifyRequest, publicOrigin: string | null): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const given = originOf(origin);
  const host = request.headers.host;
  const own = [publicOrigin, host ? originOf(`${request.protocol}://${host}`) : null].filter(Boolean);
  if (given && own.includes(given)) return null;
  return `Origin: ${origin}`;
}

// ------------------------------------------------------------------ headers

/** The web app's policy: scripts and styles only from here or with this response's nonce. */
export const webAppPolicy = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Mantine's <style> elements carry the nonce (getStyleNonce); React's style attributes cannot
    // run code, so they are allowed as attributes only.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/** API answers (JSON, CSV, PDF, the printable record): nothing in them may run. */
export const API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A fresh nonce for one answer. */
export const newNonce = () => randomBytes(16).toString('base64');

/** The placeholder Vite writes into the built index.html (`html.cspNonce` in vite.config.ts). */
export const NONCE_PLACEHOLDER = '__ARCHEEP_CSP_NONCE__';

export interface EdgeOptions {
  /** The configured public address (PUBLIC_URL); its origin is the app's own. */
  publicUrl: string;
  /** Strict-Transport-Security on every answer: the app is reached over https. */
  hsts: boolean;
}

/** Installs the three guards on the root instance, before any route is registered. */
export function installEdge(app: FastifyInstance, options: EdgeOptions) {
  const publicOrigin = originOf(options.publicUrl);

  // A browser form can post text/plain across sites without a preflight; no route takes it.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const refusal = crossSiteRefusal(request, publicOrigin);
    if (refusal) {
      throw problems.forbidden({
        en: `Cross-site request refused (${refusal}): changes are accepted only from this system's own pages.`,
        th: `ปฏิเสธคำขอจากเว็บไซต์อื่น (${refusal}) ระบบรับการเปลี่ยนแปลงจากหน้าของระบบเองเท่านั้น`,
      });
    }
  });

  app.addHook('preValidation', refuseUnstorable);

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const isDocs = request.url.startsWith('/api/docs');
    if (!isDocs) reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/') && !isDocs) {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_POLICY);
      // Answers may carry personal data: no shared or browser cache keeps them, unless the route
      // said otherwise for public reference data.
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
