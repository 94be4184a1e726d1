import { formatThaiDate } from '../../../shared/thai-date';
import { NOTIFICATION_KINDS, TEMPLATES, type NotificationKind } from './data/templates';

/** The notification rules that need no database: rendering, backoff, addresses. */

export type Language = 'th' | 'en';
export type Params = Record<string, string | number | null | undefined>;

export const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** LINE allows 5,000 characters in a text message. */
export const LINE_TEXT_MAX = 5000;

/** Fills a template: `{name}` from `nameTh`/`nameEn` by language, else `name`; `{name|date}` as a date. */
export function fill(template: string, params: Params, language: Language): string {
  return template.replace(/\{(\w+)(\|date)?\}/g, (_all, name: string, date: string | undefined) => {
    const value = params[`${name}${language === 'th' ? 'Th' : 'En'}`] ?? params[name] ?? (language === 'en' ? params[`${name}Th`] : undefined);
    if (value === null || value === undefined || value === '') return '-';
    if (date && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatThaiDate(value, { locale: language });
    return String(value);
  });
}

/** The subject and text of a message of `kind` (its `variant` param picks the template). */
export function render(kind: string, params: Params, language: Language): { subject: string; text: string } {
  if (!isKind(kind)) throw new Error(`No template for the notification kind ${kind}.`);
  const variants = TEMPLATES[kind];
  const template = variants[String(params.variant ?? 'default')] ?? variants.default ?? Object.values(variants)[0]!;
  return { subject: fill(template.subject[language], params, language), text: fill(template.text[language], params, language) };
}

/** The delay before attempt `attempts + 1` after `attempts` failed ones: base × 2^(attempts−1), at most a day. */
export const backoffMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 86_400_000);

/** A Thai phone number as E.164 (`0812345678` → `+66812345678`); null when it is not one. */
export function e164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s()-]/g, '');
  if (/^\+66\d{8,9}$/.test(digits)) return digits;
  if (/^0\d{8,9}$/.test(digits)) return `+66${digits.slice(1)}`;
  return null;
}

/** A LINE user id as the Messaging API gives it: `U` and 32 hex digits. */
export const isLineUserId = (id: string) => /^U[0-9a-f]{32}$/.test(id);

export const isEmail = (email: string) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email);

/** Text cut to a channel's limit, with an ellipsis where cut. */
export const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
