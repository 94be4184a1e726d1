import { randomBytes } from 'node:crypto';

/* Credential codes as printed and typed, and the masked name the public check shows. */

/** Crockford's base32 without I, L, O, U: no letter is read as another when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20 random symbols, 100 bits: unguessable, and short enough to type from a printed certificate. */
export function newCredentialCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** Normalises a typed code: case, spaces and missing dashes do not matter. */
export function normalizeCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(symbols)) return null;
  return symbols.match(/.{4}/g)!.join('-');
}

/** "นางสาวสมหญิง ใจดี" → "นางสาวสมหญิง ใ•••": enough to recognise, not enough to look someone up. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name;
  const last = words.pop()!;
  const first = new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(last)[Symbol.iterator]().next().value?.segment ?? '';
  return `${words.join(' ')} ${first}•••`;
}
