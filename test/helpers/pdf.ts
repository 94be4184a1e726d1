/**
 * A PDF's document title (its Info dictionary), read back: pdfkit writes it as a literal string
 * object, UTF-16BE after a byte-order mark, with PDF's escapes (จ is U+0E08, written 0E `\b`).
 * Null when the file has no title.
 */
export function pdfTitle(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text);
  const opening = ref ? `\n${ref[1]} 0 obj\n(` : '/Title (';
  const found = text.indexOf(opening);
  if (found < 0) return null;
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  const bytes: number[] = [];
  for (let i = found + opening.length; i < text.length && text[i] !== ')'; i++) {
    if (text[i] !== '\\') {
      bytes.push(text.charCodeAt(i));
      continue;
    }
    i++;
    const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(escapes[text[i]!] ?? text.charCodeAt(i));
  }
  const raw = Buffer.from(bytes);
  return raw[0] === 0xfe && raw[1] === 0xff ? Buffer.from(raw.subarray(2)).swap16().toString('utf16le') : raw.toString('latin1');
}
