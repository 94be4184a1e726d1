/**
 * Windows-874 (TIS-620 plus a few punctuation marks), the code page Thai Excel uses when it saves
 * "CSV (Comma delimited)". Node can decode it (TextDecoder) but not encode it, and test files
 * must be written the way offices send them.
 */

/** The punctuation Windows-874 adds in 0x80–0x9F and at 0xA0, beyond TIS-620's Thai letters. */
const EXTRAS: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], // €
  [0x2026, 0x85], // …
  [0x2018, 0x91], // ‘
  [0x2019, 0x92], // ’
  [0x201c, 0x93], // “
  [0x201d, 0x94], // ”
  [0x2022, 0x95], // •
  [0x2013, 0x96], // –
  [0x2014, 0x97], // —
  [0x00a0, 0xa0], // no-break space
]);

/**
 * The byte for one UTF-16 code unit, or -1. Thai U+0E01–U+0E5B sit at 0xA1–0xFB; U+0E3B–U+0E3E
 * are unassigned in Unicode and their bytes (0xDB–0xDE) undefined in the code page, so decoders
 * would not give them back.
 */
function byteOf(unit: number): number {
  if (unit < 0x80) return unit;
  if (unit >= 0x0e01 && unit <= 0x0e5b && (unit < 0x0e3b || unit > 0x0e3e)) return unit - 0x0e00 + 0xa0;
  return EXTRAS.get(unit) ?? -1;
}

/**
 * Encodes text as Windows-874, one byte per character. Throws a RangeError naming the first
 * character the code page lacks (an emoji, Latin accents, …) and its index in the string.
 */
export function encodeWindows874(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = byteOf(text.charCodeAt(i));
    if (byte < 0) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new RangeError(`Windows-874 cannot encode "${char}" (U+${code}) at index ${i}`);
    }
    bytes[i] = byte;
  }
  return bytes;
}
