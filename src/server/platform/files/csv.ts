import { FileProblem } from './decode';

/** One record of a CSV file and the line it starts on (line 1 is the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * An RFC 4180 reader that also takes what Excel writes: CRLF or LF, quoted cells with doubled
 * quotes and line breaks inside, a `;` or tab delimiter when the header has no commas. It
 * yields records lazily from an offset so an import can resume where it stopped.
 */
export function* readCsv(text: string, options: { delimiter?: string; fromLine?: number } = {}): Generator<CsvRecord> {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  const fromLine = options.fromLine ?? 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let parts = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new FileProblem(
              'unclosed-quote',
              `Line ${startLine}: a quoted cell is never closed (a " is missing).`,
              `บรรทัดที่ ${startLine}: มีเครื่องหมาย " เปิดแต่ไม่มีปิด`,
            );
          }
          parts += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            parts += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (let k = parts.indexOf('\n'); k >= 0; k = parts.indexOf('\n', k + 1)) line++;
        cell = parts;
        // Anything between the closing quote and the delimiter is kept, as Excel does.
        const stop = nextStop(text, i, d);
        if (stop > i) cell += text.slice(i, stop);
        i = stop;
      } else {
        const stop = nextStop(text, i, d);
        cell = text.slice(i, stop);
        i = stop;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === 13 /* \r */) i++;
      if (text.charCodeAt(i) === 10 /* \n */) i++;
      line++;
      break;
    }
    // Blank lines (a lone empty cell) are skipped, as Excel leaves them at the end.
    if (cells.length === 1 && cells[0] === '') continue;
    if (startLine >= fromLine) yield { line: startLine, cells };
  }
}

function nextStop(text: string, from: number, delimiter: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === delimiter || c === 10 || c === 13) return i;
  }
  return text.length;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/** A cell for a CSV we write: quoted when needed, and defused when Excel would run it as a formula. */
export function csvCell(value: unknown): string {
  const text = safeCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text that starts with = + - @ (or a tab or CR) is a formula to Excel: a cell value such as
 * `=HYPERLINK(...)` from an imported file would run on the officer's machine. Such text is
 * prefixed with an apostrophe, which Excel shows as plain text. Plain numbers (−5) are kept.
 */
export function safeCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}
