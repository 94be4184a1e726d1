import type { FastifyRequest } from 'fastify';

/** 13-digit national IDs (with or without dashes) and Thai phone numbers, wherever they appear. */
const NATIONAL_ID = /\b(\d)[- ]?(\d{4})[- ]?(\d{5})[- ]?(\d{2})[- ]?(\d)\b/g;
const PHONE = /\b0[689]\d[- ]?\d{3}[- ]?\d{4}\b/g;

/** Masks personal numbers in free text before it reaches a log. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(NATIONAL_ID, '$1-xxxx-xxxxx-xx-$5').replace(PHONE, '0xx-xxx-xxxx');
}

/** pino options: JSON lines with request ids, no cookies, no personal numbers in URLs. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: maskPersonalNumbers(request.url), ip: request.ip };
      },
    },
  };
}
