/**
 * The letter an avatar shows for a name. Thai writes the vowels เ แ โ ใ ไ before the consonant
 * they follow in speech ("เจ้าหน้าที่" is read from จ), so they are skipped, and the tone marks and
 * vowels above or below a consonant are left off. Other scripts keep their first grapheme whole
 * (an accented letter, a combined emoji), upper-cased where that means something.
 */
const LEADING_VOWEL = /^[\u0E40-\u0E44]/;
/** Thai marks written above or below a consonant: mai han-akat, vowels above/below, tone marks, thanthakhat. */
const THAI_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
const LETTER = /\p{L}/u;

const graphemes = (text: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

export function avatarInitial(name: string): string {
  const all = graphemes(name.trim());
  const first = all.find((g) => LETTER.test(g) && !LEADING_VOWEL.test(g)) ?? all.find((g) => LETTER.test(g)) ?? all[0] ?? '';
  if (/^[\u0E01-\u0E2E]/.test(first)) return first.replace(THAI_MARKS, '');
  return first.toLocaleUpperCase();
}
