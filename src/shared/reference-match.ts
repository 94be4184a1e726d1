/**
 * Matching the words people write to reference values. Offices write `สตรี` for "women and
 * families in social hardship", `น.ส.` for นางสาว, `ม.3` for lower secondary, `กลุ่มผู้สูงอายุ`
 * for ผู้สูงอายุ. A value matches a reference when its key (below) equals the key of the
 * reference's code, Thai or English name or one of its synonyms. The same matcher reads every
 * coded cell of every import (people, groups, training results, labour demand) and the form.
 */

export interface ReferenceValue<C extends string = string> {
  code: C;
  th: string;
  en: string;
  /** Synonyms and abbreviations, Thai and English. */
  aliases?: readonly string[];
}

/** Words offices put in front of a value that do not change it ("กลุ่มสตรี", "ระดับปริญญาตรี", "the poor"). */
const PREFIXES = ['กลุ่ม', 'ประเภท', 'ระดับ', 'สถานะ', 'ผู้', 'คน', 'ชาว', 'the', 'group'];

/**
 * The key a value is compared by: Unicode NFC, lower case, Thai digits as Arabic, without spaces,
 * dots, dashes, slashes, brackets or quotes, and without the common prefixes above. A value that
 * is nothing but punctuation ("-") keeps its characters.
 */
export function referenceKey(text: string): string {
  const base = text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  let key = base.replace(/[\s.\-_/\\()[\]{}"'’‘“”,:;*]+/g, '');
  if (!key) return base.replace(/\s+/g, '');
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const prefix of PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length + 1) {
        key = key.slice(prefix.length);
        stripped = true;
      }
    }
  }
  return key;
}

export interface ReferenceMatcher<C extends string = string> {
  /** The code `text` names, or null when it names none (or names two references at once). */
  match(text: string): C | null;
  readonly values: readonly ReferenceValue<C>[];
}

/**
 * A matcher over a list of reference values. The exact spelling (trimmed, any case) is tried
 * first, then the key; a key two references share matches neither, so a guess is never made.
 */
export function createMatcher<C extends string>(values: readonly ReferenceValue<C>[]): ReferenceMatcher<C> {
  const exact = new Map<string, C>();
  const byKey = new Map<string, C | null>();
  for (const v of values) {
    for (const spelling of [v.code, v.th, v.en, ...(v.aliases ?? [])]) {
      exact.set(spelling.trim().toLowerCase(), v.code);
      const key = referenceKey(spelling);
      const known = byKey.get(key);
      byKey.set(key, known === undefined || known === v.code ? v.code : null);
    }
  }
  return {
    values,
    match(text) {
      const trimmed = text.trim();
      if (!trimmed) return null;
      return exact.get(trimmed.toLowerCase()) ?? byKey.get(referenceKey(trimmed)) ?? null;
    },
  };
}
