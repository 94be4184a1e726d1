import { readCsv, type CsvRecord } from './csv';
import { decodeCsvBytes, FileProblem, isZip } from './decode';
import { readXlsx } from './xlsx';

/**
 * The one reader of an uploaded table, for every module: XLSX when the bytes are a zip, else CSV
 * in whatever encoding `decodeCsvBytes` finds (UTF-8 with or without BOM, Windows-874, UTF-16).
 * Records stream from `fromLine` (a resumed import skips what it committed).
 */
export function openTable(bytes: Uint8Array, options: { fromLine?: number } = {}) {
  if (isZip(bytes)) return { format: 'xlsx' as const, encoding: null, records: readXlsx(bytes, options) as AsyncIterable<CsvRecord> | Iterable<CsvRecord> };
  const decoded = decodeCsvBytes(bytes);
  return {
    format: 'csv' as const,
    encoding: decoded.encoding as string,
    records: readCsv(decoded.text, options) as AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
  };
}

/**
 * A small uploaded table (CSV in any encoding `decodeCsvBytes` reads, or XLSX) read whole: its
 * header and its non-empty rows. For files of a few thousand rows; the registry's import streams.
 */
export async function readTable(bytes: Uint8Array, options: { maxRows: number }): Promise<{ header: string[]; rows: CsvRecord[] }> {
  const { records } = openTable(bytes);
  let header: string[] | null = null;
  const rows: CsvRecord[] = [];
  for await (const record of records) {
    if (header === null) {
      header = record.cells.map((c) => c.trim());
      continue;
    }
    if (record.cells.every((c) => c.trim() === '')) continue;
    rows.push(record);
    if (rows.length > options.maxRows) {
      throw new FileProblem(
        'too-many-rows',
        `The file has more than ${options.maxRows.toLocaleString('en')} rows; split it.`,
        `ไฟล์มีมากกว่า ${options.maxRows.toLocaleString('th')} แถว กรุณาแบ่งไฟล์`,
      );
    }
  }
  if (header === null) throw new FileProblem('empty-file', 'The file is empty.', 'ไฟล์ว่างเปล่า');
  if (rows.length === 0) throw new FileProblem('no-rows', 'The file has a header but no rows.', 'ไฟล์มีแต่หัวตาราง ไม่มีข้อมูล');
  return { header, rows };
}
