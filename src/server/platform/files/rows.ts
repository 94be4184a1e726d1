/**
 * A column of an import template. A file's header is matched to these by any of the listed
 * spellings (Thai, English or the key).
 */
export interface ImportColumn<K extends string = string> {
  key: K;
  th: string;
  en: string;
  required: boolean;
  /** What the cell holds, shown in the template's second sheet and in the mapping screen. */
  hintTh: string;
  hintEn: string;
}

/** Where a sub-district lies. */
export interface Area {
  districtCode: string;
  provinceCode: string;
}

/** What is wrong with one cell (or a whole row, when `column` is null). */
export interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  code: string;
  th: string;
  en: string;
}

/** Cell access for one row through a column mapping, collecting errors that name the column. */
export function cellReader<K extends string>(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<K, number>>,
  errors: RowError[],
  label: (key: K) => ImportColumn,
) {
  const get = (key: K): string => {
    const index = mapping[key];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const fail = (key: K, code: string, en: string, th: string) => {
    const column = label(key);
    const value = get(key);
    errors.push({ line, column: key, value: value || null, code, en: `${column.en}: ${en}`, th: `${column.th}: ${th}` });
  };
  const required = (key: K): string | null => {
    const value = get(key);
    if (value) return value;
    fail(key, 'missing-value', 'this column must have a value.', 'ต้องกรอกช่องนี้');
    return null;
  };
  return { get, fail, required };
}

export const tooLong = (text: string, max: number) => text.length > max;

/** '081-234-5678', '+66 81 234 5678', '๐๘๑…' → '0812345678'; null when it is not a Thai number. */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s\-().]/g, '');
  if (digits.startsWith('+66')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('66') && digits.length === 11) digits = '0' + digits.slice(2);
  return /^0\d{8,9}$/.test(digits) ? digits : null;
}

/** ISO dates (C.E.) as spreadsheets export date cells; B.E. years written ISO-style are turned back. */
export function parseLooseDate(input: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!match) return null;
  let year = Number(match[1]);
  if (year > 2400) year -= 543;
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${match[2]}-${match[3]}`;
}

/**
 * Matches a file's header cells to template columns by key, Thai or English label (ignoring case,
 * spaces and a trailing '*'). Returns the mapping and the headers that matched nothing.
 */
export function mapHeader<K extends string>(header: readonly string[], columns: readonly ImportColumn<K>[]) {
  const norm = (s: string) =>
    s
      .replace(/^\uFEFF/, '')
      .replace(/\*$/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const byName = new Map<string, K>();
  for (const c of columns) for (const name of [c.key, c.th, c.en]) byName.set(norm(name), c.key);
  const mapping: Partial<Record<K, number>> = {};
  const unmatched: string[] = [];
  header.forEach((cell, index) => {
    const key = byName.get(norm(cell));
    if (key !== undefined && mapping[key] === undefined) mapping[key] = index;
    else if (cell.trim()) unmatched.push(cell);
  });
  const missing = columns.filter((c) => c.required && mapping[c.key] === undefined).map((c) => c.key);
  return { mapping, unmatched, missing };
}
