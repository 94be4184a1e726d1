import { readFile } from 'node:fs/promises';

/** The bundled Sarabun files (README.md here), each subset with the characters it covers. */
const FACES = [
  { file: 'sarabun-thai-400-normal.woff', weight: 400, range: 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC' },
  { file: 'sarabun-thai-700-normal.woff', weight: 700, range: 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC' },
  {
    file: 'sarabun-latin-400-normal.woff',
    weight: 400,
    range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
  {
    file: 'sarabun-latin-700-normal.woff',
    weight: 700,
    range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
] as const;

let css: Promise<string> | null = null;

/**
 * `@font-face` rules for Sarabun with the font files inline (data: URLs, about 70 KB): a page the
 * server renders for printing shows Thai on a machine without a Thai font, saved or offline, and
 * fetches nothing.
 */
export function sarabunFontFaces(): Promise<string> {
  css ??= Promise.all(
    FACES.map(async (face) => {
      const data = (await readFile(new URL(`./${face.file}`, import.meta.url))).toString('base64');
      return `@font-face{font-family:Sarabun;font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/woff;base64,${data}) format("woff");unicode-range:${face.range}}`;
    }),
  ).then((rules) => rules.join('\n'));
  return css;
}
