import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { create as createQr } from 'qrcode';
import { formatThaiDate } from '../../../shared/thai-date';

/**
 * What a completion certificate (เกียรติบัตร) or a qualification certificate
 * (หนังสือรับรองคุณวุฒิวิชาชีพ) says, Thai first and English beneath.
 */
export interface CertificateContent {
  /** A training completion (the default) or a qualification awarded on assessment. */
  kind?: 'training-completion' | 'qualification';
  /** The certificate's unguessable code, printed small under the QR. */
  code: string;
  /** Absolute URL of the public verification page; the QR encodes exactly this. */
  verifyUrl: string;
  /** With title, e.g. 'นางสาวสมหญิง ใจดี' and 'Miss Somying Jaidee'. */
  holderName: { th: string; en: string | null };
  /** The curriculum's name. */
  course: { th: string; en: string };
  /** Hours attended or credited; may be fractional (17.5). Null for a qualification. */
  hours: number | null;
  /** 'YYYY-MM-DD', Common Era; a qualification's assessment day. */
  startedOn: string;
  /** 'YYYY-MM-DD', Common Era. */
  endedOn: string;
  /** 'YYYY-MM-DD', Common Era. */
  issuedOn: string;
  /** The issuing unit. */
  issuer: { th: string; en: string };
  /** The unit's agency (สังกัด). */
  agency: { th: string; en: string } | null;
  /** 'YYYY-MM-DD': the last day a qualification is valid; null or absent for no expiry. */
  expiresOn?: string | null;
}

// Sarabun as @fontsource ships it: the Thai subset has no digits or Latin letters and the Latin
// subset has no Thai, so every string is written run by run in the font that has its script.
const FONT_FILES = {
  thai: 'sarabun-thai-400-normal.woff',
  latin: 'sarabun-latin-400-normal.woff',
  thaiBold: 'sarabun-thai-700-normal.woff',
  latinBold: 'sarabun-latin-700-normal.woff',
} as const;
export type FontName = keyof typeof FONT_FILES;

/**
 * The plain TrueType font inside a WOFF 1.0 file (https://www.w3.org/TR/WOFF/), its tables
 * inflated. fontkit reads WOFF itself but inflates the whole glyf table, in JavaScript, again for
 * every glyph it subsets: a certificate took 140 ms from the WOFF files and takes 28 ms from these.
 */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + 20 * i;
    const [offset, compressedLength, length] = [woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 8), woff.readUInt32BE(entry + 12)];
    const stored = woff.subarray(offset, offset + compressedLength);
    const data = compressedLength < length ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error('Damaged WOFF table');
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const directoryEnd = 12 + 16 * numTables;
  const sfnt = Buffer.alloc(tables.reduce((size, table) => size + padded(table.data.length), directoryEnd));
  const entrySelector = Math.floor(Math.log2(numTables));
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: 0x00010000 for TrueType outlines
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(16 << entrySelector, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(16 * numTables - (16 << entrySelector), 10);
  let offset = directoryEnd;
  tables.forEach((table, i) => {
    sfnt.writeUInt32BE(table.tag, 12 + 16 * i);
    sfnt.writeUInt32BE(table.checksum, 16 + 16 * i);
    sfnt.writeUInt32BE(offset, 20 + 16 * i);
    sfnt.writeUInt32BE(table.data.length, 24 + 16 * i);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

let fontFiles: Promise<[FontName, Buffer][]> | undefined;

/** The four subsets, read once per process from the copies beside this file (never from node_modules). */
export function loadFonts(): Promise<[FontName, Buffer][]> {
  fontFiles ??= Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (name): Promise<[FontName, Buffer]> => [
      name,
      woffToSfnt(await readFile(new URL(`../../platform/fonts/${FONT_FILES[name]}`, import.meta.url))),
    ]),
  ).catch((error: unknown) => {
    fontFiles = undefined; // a failed read is not cached: the next render tries again
    throw error;
  });
  return fontFiles;
}

export interface ScriptRun {
  thai: boolean;
  text: string;
}

const THAI = /[\u0E00-\u0E7F]/u;
/** Combining marks and zero-width joiners belong to the character before them, whatever their block. */
const ATTACHES = /[\p{M}\u200C\u200D]/u;

/** 'นางสาว Somying' → [{ thai: true, text: 'นางสาว' }, { thai: false, text: ' Somying' }]. */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  for (const char of text) {
    const last = runs.at(-1);
    const thai = last && ATTACHES.test(char) ? last.thai : THAI.test(char);
    if (last?.thai === thai) last.text += char;
    else runs.push({ thai, text: char });
  }
  return runs;
}

/** The QR's dark modules, row by row (true = dark), as drawn in the PDF. */
export function qrMatrix(text: string): boolean[][] {
  // Level M survives a fold or a stain and keeps a verification URL at version 4–5.
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => modules.get(row, column) === 1));
}

type Doc = PDFKit.PDFDocument;
interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}
/** A block of lines already fitted to its width, with the style they were fitted at. */
interface Block {
  lines: string[];
  style: TextStyle;
  link?: string;
}

const INK = '#1f2d3d';
const MUTED = '#4b5563';
const GOLD = '#9a7b3f';
const LINE_HEIGHT = 1.3; // Sarabun's ascent + descent: room for a tone mark over an upper vowel
const ELLIPSIS = '…';

const WORDS = new Intl.Segmenter('th', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('th', { granularity: 'grapheme' });

const fontOf = (thai: boolean, bold = false): FontName => (thai ? (bold ? 'thaiBold' : 'thai') : bold ? 'latinBold' : 'latin');

function widthOf(doc: Doc, text: string, style: TextStyle): number {
  let width = 0;
  for (const run of scriptRuns(text)) width += doc.font(fontOf(run.thai, style.bold)).fontSize(style.size).widthOfString(run.text);
  return width;
}

/**
 * Where a line may break, in order of preference: at spaces (between Thai phrases), between words
 * (Thai has no spaces between words; ICU's dictionary finds them), after a URL's separators, anywhere.
 */
type Breaks = 'spaces' | 'words' | 'url' | 'anywhere';

function pieces(text: string, breaks: Breaks): string[] {
  switch (breaks) {
    case 'spaces':
      return text.match(/\s+|\S+/g) ?? [];
    case 'words':
      return Array.from(WORDS.segment(text), (word) => word.segment);
    case 'url':
      return text.split(/(?<=[/?&=#])/);
    case 'anywhere':
      return Array.from(GRAPHEMES.segment(text), (grapheme) => grapheme.segment);
  }
}

/** A piece of text that is never broken, with its width at 1 pt (widths scale with the size). */
interface Token {
  text: string;
  width: number;
  space: boolean;
}

function tokenize(doc: Doc, text: string, bold: boolean | undefined, breaks: Breaks): Token[] {
  const merged: string[] = [];
  let glueNext = false;
  for (const piece of pieces(text.trim(), breaks)) {
    const space = /^\s+$/.test(piece);
    const last = merged.length - 1;
    // Keep '(' with the word after it and ')' or ',' with the word before it.
    if (last >= 0 && !space && (glueNext || /^[)\]}.,;:!?%…]+$/.test(piece)) && !/\s$/.test(merged[last] ?? '')) merged[last] += piece;
    else merged.push(piece);
    glueNext = /^[([{]+$/.test(piece);
  }
  return merged.map((piece) => ({ text: piece, width: widthOf(doc, piece, { size: 1, bold }), space: /^\s+$/.test(piece) }));
}

/** Greedy line breaking; widths in points at 1 pt, like the tokens'. Spaces at a break are dropped. */
function breakLines(tokens: Token[], maxWidth: number): { text: string; width: number }[] {
  const lines: { text: string; width: number }[] = [];
  let line = { text: '', width: 0 };
  let pending = { text: '', width: 0 };
  for (const token of tokens) {
    if (token.space) {
      if (line.text !== '') pending = { text: pending.text + token.text, width: pending.width + token.width };
      continue;
    }
    if (line.text !== '' && line.width + pending.width + token.width > maxWidth) {
      lines.push(line);
      line = { text: token.text, width: token.width };
    } else {
      line = { text: line.text + pending.text + token.text, width: line.width + pending.width + token.width };
    }
    pending = { text: '', width: 0 };
  }
  if (line.text !== '') lines.push(line);
  return lines;
}

const fits = (lines: { width: number }[], maxLines: number, maxWidth: number) => lines.length <= maxLines && lines.every((line) => line.width <= maxWidth);

/** The narrowest measure that still breaks into the same number of lines, so a second line is not a lone word. */
function balance(tokens: Token[], lineCount: number, maxWidth: number): string[] {
  let [narrow, wide] = [0, maxWidth];
  if (lineCount > 1) {
    for (let i = 0; i < 16; i++) {
      const middle = (narrow + wide) / 2;
      if (fits(breakLines(tokens, middle), lineCount, middle)) wide = middle;
      else narrow = middle;
    }
  }
  return breakLines(tokens, wide).map((line) => line.text);
}

/** Cuts whole graphemes (a consonant with its marks) off the end until the line and '…' fit. */
function ellipsize(doc: Doc, text: string, style: TextStyle, maxWidth: number): string {
  const graphemes = Array.from(GRAPHEMES.segment(text), (g) => g.segment);
  while (graphemes.length > 0 && widthOf(doc, graphemes.join('').trimEnd() + ELLIPSIS, style) > maxWidth) graphemes.pop();
  return graphemes.join('').trimEnd() + ELLIPSIS;
}

/**
 * The text in at most maxLines balanced lines of maxWidth, at the largest size from style.size down
 * to minSize that fits; what still does not fit at minSize ends in '…', so a long name can never
 * push the page onto a second sheet.
 */
function fit(
  doc: Doc,
  text: string,
  style: TextStyle,
  maxWidth: number,
  maxLines: number,
  minSize = style.size,
  preferences: Breaks[] = ['spaces', 'words'],
): Block {
  const tokenized = preferences.map((breaks) => tokenize(doc, text, style.bold, breaks));
  for (let size = style.size; ; size = Math.max(minSize, size - 0.5)) {
    const sized = { ...style, size };
    for (const tokens of tokenized) {
      const lines = breakLines(tokens, maxWidth / size);
      if (fits(lines, maxLines, maxWidth / size)) return { lines: balance(tokens, lines.length, maxWidth / size), style: sized };
    }
    if (size === minSize) {
      const lines = breakLines(tokenized.at(-1) ?? [], maxWidth / size).map((line) => line.text);
      const kept = lines.slice(0, maxLines).map((line) => (widthOf(doc, line, sized) > maxWidth ? ellipsize(doc, line, sized, maxWidth) : line));
      if (lines.length > maxLines) kept[maxLines - 1] = ellipsize(doc, lines[maxLines - 1] ?? '', sized, maxWidth);
      return { lines: kept, style: sized };
    }
  }
}

const heightOf = (blocks: Block[]) => blocks.reduce((sum, block) => sum + block.lines.length * block.style.size * LINE_HEIGHT, 0);

/** Writes one line centred on centreX, each script run in its own font. */
function drawCentred(doc: Doc, text: string, centreX: number, y: number, style: TextStyle): number {
  const runs = scriptRuns(text).map((run) => ({ ...run, width: widthOf(doc, run.text, style) }));
  const width = runs.reduce((sum, run) => sum + run.width, 0);
  let x = centreX - width / 2;
  doc.fillColor(style.color ?? INK);
  for (const run of runs) {
    if (run.text.trim() !== '') {
      // The font's ccmp splits SARA AM (ำ) into NIKHAHIT + SARA AA, and pdfkit's ToUnicode map, one
      // entry per glyph, then reads 'จำนวน' back as 'จำานวน'; ActualText keeps copy and search right.
      const actual = run.thai && run.text.includes('ำ');
      if (actual) doc.markContent('Span', { actual: run.text });
      doc.font(fontOf(run.thai, style.bold)).fontSize(style.size).text(run.text, x, y, { lineBreak: false });
      if (actual) doc.endMarkedContent();
    }
    x += run.width;
  }
  return width;
}

/** Draws groups of blocks from top to bottom, spreading the spare height between the groups. */
function stack(doc: Doc, groups: Block[][], centreX: number, top: number, bottom: number, maxGap: number): void {
  const spare = bottom - top - groups.reduce((sum, group) => sum + heightOf(group), 0);
  const gap = groups.length > 1 ? Math.min(maxGap, Math.max(0, spare / (groups.length - 1))) : 0;
  let y = top + Math.max(0, spare - gap * (groups.length - 1)) / 2;
  for (const group of groups) {
    for (const block of group) {
      for (const line of block.lines) {
        const width = drawCentred(doc, line, centreX, y, block.style);
        const height = block.style.size * LINE_HEIGHT;
        if (block.link) doc.link(centreX - width / 2, y, width, height, block.link);
        y += height;
      }
    }
    y += gap;
  }
}

/** The QR as vector squares (one rectangle per horizontal run of dark modules), with a 4-module quiet zone. */
function drawQr(doc: Doc, matrix: boolean[][], x: number, y: number, size: number): void {
  const quiet = 4;
  const module = size / (matrix.length + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (row[c + 1]) c++;
      doc.rect(x + (quiet + start) * module, y + (quiet + r) * module, (c - start + 1) * module, module);
    }
  });
  doc.fill('#000000');
}

const formatHours = (hours: number) => hours.toLocaleString('en', { maximumFractionDigits: 2 });

function dateLines(content: CertificateContent): { th: string; en: string } {
  const th = (iso: string) => formatThaiDate(iso, { style: 'long' });
  const en = (iso: string) => formatThaiDate(iso, { style: 'long', locale: 'en' });
  if (content.kind === 'qualification') {
    const until = content.expiresOn ? { th: ` มีอายุถึงวันที่ ${th(content.expiresOn)}`, en: `; valid until ${en(content.expiresOn)}` } : { th: '', en: '' };
    return { th: `ประเมินเมื่อวันที่ ${th(content.startedOn)}${until.th}`, en: `Assessed on ${en(content.startedOn)}${until.en}` };
  }
  const hours = formatHours(content.hours ?? 0);
  const enHours = `${hours} ${content.hours === 1 ? 'hour' : 'hours'}`;
  if (content.startedOn === content.endedOn) {
    return { th: `จำนวน ${hours} ชั่วโมง เมื่อวันที่ ${th(content.startedOn)}`, en: `${enHours}, on ${en(content.startedOn)}` };
  }
  return {
    th: `จำนวน ${hours} ชั่วโมง ระหว่างวันที่ ${th(content.startedOn)} ถึงวันที่ ${th(content.endedOn)}`,
    en: `${enHours}, from ${en(content.startedOn)} to ${en(content.endedOn)}`,
  };
}

/** Refuses what would print wrongly: a link annotation carries only an ASCII URI, and 'NaN ชั่วโมง' helps nobody. */
function assertPrintable(content: CertificateContent): void {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(content.verifyUrl)) throw new RangeError(`Not an absolute ASCII http(s) URL: ${content.verifyUrl}`);
  if (content.kind !== 'qualification' && (content.hours === null || !Number.isFinite(content.hours) || content.hours <= 0))
    throw new RangeError(`Not a number of hours: ${content.hours}`);
}

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28 };
const CENTRE = PAGE.width / 2;
const MARGIN = 64;
const QR_SIZE = 110; // 3.9 cm including the quiet zone
const QR_COLUMN = { width: 150, right: PAGE.width - 46, bottom: PAGE.height - 44 };

/** Renders the certificate as a one-page A4 landscape PDF. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  assertPrintable(content);
  const fonts = await loadFonts();
  const matrix = qrMatrix(content.verifyUrl);

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // pdfkit opens Helvetica unless told otherwise; null (which its types do not admit) opens nothing.
    font: null as unknown as string,
    lang: 'th',
    displayTitle: true,
    info: {
      Title: `${content.course.th} – ${content.holderName.th}`,
      Author: content.issuer.th,
      Subject: content.kind === 'qualification' ? 'Certificate of professional qualification' : 'Certificate of completion',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of fonts) doc.registerFont(name, file);
  for (const name of ['thaiBold', 'thai'] as const) {
    // fontkit remembers the characters of a glyph from its first use; SARA AM's decomposition would
    // otherwise leave SARA AA and NIKHAHIT unmapped for every later use in the document.
    for (const char of ['า', 'ํ']) doc.font(name).widthOfString(char);
  }

  // Frame: a gold rule and a hairline inside it.
  doc
    .lineWidth(2)
    .rect(20, 20, PAGE.width - 40, PAGE.height - 40)
    .stroke(GOLD);
  doc
    .lineWidth(0.6)
    .rect(27, 27, PAGE.width - 54, PAGE.height - 54)
    .stroke(GOLD);

  const full = PAGE.width - 2 * MARGIN;
  const qrLeft = QR_COLUMN.right - QR_COLUMN.width;
  // Lines beside the QR stay clear of its column while remaining centred on the page.
  const beside = 2 * (qrLeft - 16 - CENTRE);
  const small = { size: 10.5, color: MUTED };
  const lead = { size: 14 };
  const dates = dateLines(content);
  const qualification = content.kind === 'qualification';
  const heading = qualification
    ? { th: 'หนังสือรับรองคุณวุฒิวิชาชีพ', en: 'Certificate of Professional Qualification' }
    : { th: 'เกียรติบัตร', en: 'Certificate of Completion' };
  const what = qualification
    ? { th: 'ผ่านการประเมินสมรรถนะตามมาตรฐานอาชีพ และได้รับคุณวุฒิ', en: 'has been assessed as competent and awarded the qualification' }
    : { th: 'ได้ผ่านการฝึกอบรมหลักสูตร', en: 'has completed the course' };

  const upper: Block[][] = [
    [fit(doc, heading.th, { size: qualification ? 28 : 34, bold: true }, full, 1), fit(doc, heading.en, { size: 15, color: GOLD }, full, 1)],
    [fit(doc, 'มอบให้ไว้เพื่อแสดงว่า', lead, full, 1), fit(doc, 'This certifies that', small, full, 1)],
    [
      fit(doc, content.holderName.th, { size: 26, bold: true }, full, 1, 16),
      ...(content.holderName.en ? [fit(doc, content.holderName.en, { size: 15 }, full, 1, 11)] : []),
    ],
    [fit(doc, what.th, lead, full, 1), fit(doc, what.en, small, full, 1)],
    [fit(doc, content.course.th, { size: 20, bold: true }, full, 2, 15), fit(doc, content.course.en, { size: 13 }, full, 2, 10)],
    [fit(doc, dates.th, lead, full, 1, 11), fit(doc, dates.en, small, full, 1, 8)],
  ];
  const issuerEn = content.agency ? `${content.issuer.en}, ${content.agency.en}` : content.issuer.en;
  const lower: Block[][] = [
    [
      fit(doc, `ให้ไว้ ณ วันที่ ${formatThaiDate(content.issuedOn, { style: 'long' })}`, lead, beside, 1, 11),
      fit(doc, `Issued on ${formatThaiDate(content.issuedOn, { style: 'long', locale: 'en' })}`, small, beside, 1, 8),
    ],
    [
      fit(doc, content.issuer.th, { size: 13, bold: true }, beside, 2, 10),
      ...(content.agency ? [fit(doc, content.agency.th, { size: 12 }, beside, 1, 9)] : []),
      fit(doc, issuerEn, { size: 10, color: MUTED }, beside, 2, 8),
    ],
  ];

  // The QR column, bottom right: QR, 'verify at', the URL and the code.
  const note = { size: 7, color: MUTED };
  const column: Block[] = [
    { lines: ['ตรวจสอบได้ที่ / Verify at'], style: note },
    { ...fit(doc, content.verifyUrl, { size: 7, color: INK }, QR_COLUMN.width, 3, 5.5, ['url', 'anywhere']), link: content.verifyUrl },
    fit(doc, `รหัส / Code: ${content.code}`, note, QR_COLUMN.width, 1, 5),
  ];
  const qrCentre = QR_COLUMN.right - QR_COLUMN.width / 2;
  const columnTop = QR_COLUMN.bottom - heightOf(column);
  const qrTop = columnTop - 4 - QR_SIZE;

  // Drawn in reading order, so that copied text and screen readers meet the body first.
  stack(doc, upper, CENTRE, 52, qrTop - 14, 16);
  stack(doc, lower, CENTRE, qrTop, PAGE.height - 48, 14);
  drawQr(doc, matrix, qrCentre - QR_SIZE / 2, qrTop, QR_SIZE);
  doc.link(qrCentre - QR_SIZE / 2, qrTop, QR_SIZE, QR_SIZE, content.verifyUrl);
  stack(doc, [column], qrCentre, columnTop, QR_COLUMN.bottom, 0);

  doc.end();
  return finished;
}
