import type { Reason } from './queries';

/** Satang → baht, in the reader's digits. */
export const baht = (satang: number, number: (n: number) => string) => number(Math.round(satang) / 100);
/** A reason in the reader's language. */
export const reasonText = (r: Reason, lang: string) => (lang === 'th' ? r.th : r.en);
/** A bilingual name pair in the reader's language, English falling back to Thai. */
export const inLang = (th: string, en: string | null | undefined, lang: string) => (lang === 'th' ? th : en || th);
