import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvRecord } from './csv';
import { FileProblem } from './decode';
import { safeCellText } from './csv';
import type { ImportColumn } from './rows';

/**
 * Reads the first worksheet of an XLSX file as records, streaming, so a sheet of a million rows
 * is not held as objects. Dates typed as dates come out as ISO (C.E.) text, numbers as plain
 * digits (a 13-digit ID typed as a number stays exact), formulas as their last result.
 */
export async function* readXlsx(bytes: Uint8Array, options: { fromLine?: number } = {}): AsyncGenerator<CsvRecord> {
  const fromLine = options.fromLine ?? 1;
  let yielded = false;
  try {
    for await (const record of streamXlsx(bytes, fromLine)) {
      yielded = true;
      yield record;
    }
    return;
  } catch (error) {
    if (yielded) throw badXlsx(error);
    // The streaming reader needs xl/workbook.xml before the sheets; a file whose zip holds them in
    // another order is read whole instead.
  }
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0];
    if (!sheet) return;
    const records: CsvRecord[] = [];
    sheet.eachRow((row, number) => {
      if (number < fromLine) return;
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (!cells.every((c) => c === '')) records.push({ line: number, cells });
    });
    yield* records;
  } catch (error) {
    throw badXlsx(error);
  }
}

async function* streamXlsx(bytes: Uint8Array, fromLine: number): AsyncGenerator<CsvRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number < fromLine) continue;
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.every((c) => c === '')) continue;
      yield { line: row.number, cells };
    }
    return; // the first sheet only
  }
}

function badXlsx(error: unknown): FileProblem {
  if (error instanceof FileProblem) return error;
  return new FileProblem(
    'bad-xlsx',
    `The file could not be read as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
    'ไม่สามารถอ่านไฟล์เป็นสมุดงาน Excel (.xlsx) ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ .xlsx',
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[]; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return '';
  }
  return String(value);
}

/** An XLSX workbook of rows under a header, every cell written as text and defused against formulas. */
export async function writeXlsx(sheets: { name: string; header: string[]; rows: Iterable<unknown[]> }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Archeep';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map((v) => safeCellText(v)));
    sheet.columns.forEach((column) => {
      column.width = 18;
      column.numFmt = '@';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The import template: a sheet to fill in (header only) and a sheet that explains each column. */
export async function templateXlsx(columns: readonly ImportColumn[], language: 'th' | 'en'): Promise<Buffer> {
  const th = language === 'th';
  return writeXlsx([
    { name: th ? 'ข้อมูล' : 'data', header: columns.map((c) => (th ? c.th : c.en)), rows: [] },
    {
      name: th ? 'คำอธิบาย' : 'help',
      header: th ? ['คอลัมน์', 'ต้องกรอก', 'คำอธิบาย'] : ['Column', 'Required', 'What to write'],
      rows: columns.map((c) => [th ? c.th : c.en, c.required ? (th ? 'ใช่' : 'yes') : '', th ? c.hintTh : c.hintEn]),
    },
  ]);
}
