import { referenceKey } from '../../../../shared/reference-match';
import { scopeIncludes, type Scope } from '../../../platform/auth/actor';
import { FileProblem } from '../../../platform/files/decode';
import { cellReader, mapHeader, type ImportColumn, type RowError } from '../../../platform/files/rows';
import type { FieldError } from '../../../platform/problem';
import { CURRICULUM_CATEGORIES } from '../data/categories';
import type { DemandRecord } from './planning.repository';

/*
 * Reading one row of a DSD labour-demand file: pure (no database), so its rules are tested
 * without one. The planning service feeds it the rows of the one table reader (`openTable`).
 */

const MAX_PEOPLE_NEEDED = 10_000_000;

export type DemandColumnKey = 'province' | 'category' | 'occupation' | 'fiscal_year' | 'people_needed' | 'source';

/** The columns of a labour-demand file, matched by key, Thai or English header. */
export const DEMAND_COLUMNS: readonly ImportColumn<DemandColumnKey>[] = [
  {
    key: 'province',
    th: 'จังหวัด',
    en: 'Province',
    required: true,
    hintTh: 'รหัสจังหวัด 2 หลัก (เช่น 40) หรือชื่อจังหวัดภาษาไทยหรืออังกฤษ',
    hintEn: 'The 2-digit province code (e.g. 40) or its Thai or English name',
  },
  {
    key: 'category',
    th: 'หมวดหลักสูตร',
    en: 'Category',
    required: true,
    hintTh: 'หมวดหลักสูตร เช่น ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ',
    hintEn: 'The curriculum category, e.g. Caregiver',
  },
  {
    key: 'occupation',
    th: 'อาชีพ',
    en: 'Occupation',
    required: true,
    hintTh: 'ชื่ออาชีพตามที่ กพร. ระบุ ไม่เกิน 200 ตัวอักษร',
    hintEn: 'The occupation as DSD names it, up to 200 characters',
  },
  {
    key: 'fiscal_year',
    th: 'ปีงบประมาณ',
    en: 'Fiscal year',
    required: true,
    hintTh: 'ปีงบประมาณ พ.ศ. 4 หลัก เช่น 2570',
    hintEn: 'The fiscal year in B.E., 4 digits, e.g. 2570',
  },
  {
    key: 'people_needed',
    th: 'จำนวนคนที่ต้องการ',
    en: 'People needed',
    required: true,
    hintTh: 'จำนวนเต็มไม่ติดลบ ใส่จุลภาคได้ เช่น 1,500',
    hintEn: 'A whole number, 0 or more; commas allowed, e.g. 1,500',
  },
  {
    key: 'source',
    th: 'แหล่งข้อมูล',
    en: 'Source',
    required: false,
    hintTh: 'ที่มาของตัวเลข (ไม่กรอกก็ได้ ระบบใช้ชื่อไฟล์)',
    hintEn: 'Where the figure comes from (optional; the file name is used)',
  },
];
const columnOf = (key: DemandColumnKey) => DEMAND_COLUMNS.find((c) => c.key === key)!;

export interface Place {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** What rows are checked against: province spellings, category spellings, the importer's area. */
export interface DemandRowContext {
  provinces: Map<string, Place>;
  provinceSpellings: Map<string, string>;
  categorySpellings: Map<string, string>;
  scope: Scope;
  /** Their area's names, for the message on a row outside it. */
  areaNames: { th: string; en: string };
  /** The year for rows that leave the fiscal year blank (or the file without the column). */
  defaultFiscalYear: number | null;
}

const thaiDigits = (text: string) => text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
/** The key every import matches reference values by (`shared/reference-match.ts`), without "จังหวัด"/"จ." in front. */
const spelling = (text: string) =>
  referenceKey(
    text
      .normalize('NFC')
      .trim()
      .replace(/^(จังหวัด|จ\.)\s*/, ''),
  );
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Category spellings: the code, the Thai and the English name. */
export function categorySpellings(): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of CURRICULUM_CATEGORIES) for (const s of [c.code, c.th, c.en]) map.set(spelling(s), c.code);
  return map;
}

/** Province spellings: the code, the Thai and English names, and what people write for Bangkok. */
export function provinceSpellings(provinces: Iterable<Place>): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of provinces) for (const s of [p.code, p.nameTh, p.nameEn]) map.set(spelling(s), p.code);
  for (const s of ['กรุงเทพฯ', 'กรุงเทพ', 'กทม.', 'กทม']) map.set(spelling(s), '10');
  return map;
}

/**
 * Checks one row of a demand file. Every error names its line and column, in Thai and English;
 * a row with any error gives no record.
 */
export function readDemandRow(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<DemandColumnKey, number>>,
  ctx: DemandRowContext,
): { record: DemandRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const { get, fail, required } = cellReader<DemandColumnKey>(cells, line, mapping, errors, columnOf);

  let provinceCode: string | null = null;
  const provinceText = required('province');
  if (provinceText !== null) {
    provinceCode = ctx.provinceSpellings.get(spelling(provinceText)) ?? null;
    if (provinceCode === null) {
      fail(
        'province',
        'unknown-province',
        `"${provinceText}" is not a province: write its 2-digit code (e.g. 40) or its name.`,
        `"${provinceText}" ไม่ใช่จังหวัด กรุณาใส่รหัสจังหวัด 2 หลัก (เช่น 40) หรือชื่อจังหวัด`,
      );
    } else if (!scopeIncludes(ctx.scope, provinceCode)) {
      const place = ctx.provinces.get(provinceCode)!;
      fail(
        'province',
        'out-of-scope',
        `${place.nameEn} (${place.code}) is outside your area (${ctx.areaNames.en}); you may import figures for your own provinces only.`,
        `จังหวัด${place.nameTh} (${place.code}) อยู่นอกพื้นที่รับผิดชอบของคุณ (${ctx.areaNames.th}) นำเข้าได้เฉพาะจังหวัดในพื้นที่ของคุณ`,
      );
      provinceCode = null;
    }
  }

  let category: string | null = null;
  const categoryText = required('category');
  if (categoryText !== null) {
    category = ctx.categorySpellings.get(spelling(categoryText)) ?? null;
    if (category === null) {
      const known = CURRICULUM_CATEGORIES.map((c) => c.en).join(', ');
      fail(
        'category',
        'unknown-category',
        `"${categoryText}" is not a curriculum category; use one of: ${known}.`,
        `"${categoryText}" ไม่ใช่หมวดหลักสูตร กรุณาใช้หมวดใดหมวดหนึ่ง: ${CURRICULUM_CATEGORIES.map((c) => c.th).join(', ')}`,
      );
    }
  }

  const occupationText = required('occupation');
  const occupation = occupationText === null ? null : oneLine(occupationText);
  if (occupation !== null && occupation.length > 200) {
    fail('occupation', 'too-long', `at most 200 characters (this one has ${occupation.length}).`, `ยาวได้ไม่เกิน 200 ตัวอักษร (ช่องนี้มี ${occupation.length} ตัวอักษร)`);
  }

  let fiscalYear: number | null = null;
  const yearText = thaiDigits(get('fiscal_year'));
  if (yearText === '') {
    if (ctx.defaultFiscalYear !== null) fiscalYear = ctx.defaultFiscalYear;
    else required('fiscal_year');
  } else if (!/^\d{4}$/.test(yearText)) {
    fail('fiscal_year', 'invalid-year', 'write the fiscal year in B.E. with 4 digits, e.g. 2570.', 'กรุณาใส่ปีงบประมาณเป็น พ.ศ. 4 หลัก เช่น 2570');
  } else {
    const year = Number(yearText);
    if (year >= 1900 && year < 2300) {
      fail(
        'fiscal_year',
        'christian-era-year',
        `${year} is a year of the Christian era (C.E.); fiscal years are in B.E.: write ${year + 543}.`,
        `${year} เป็นปี ค.ศ. ปีงบประมาณต้องเป็น พ.ศ. กรุณาใส่ ${year + 543}`,
      );
    } else if (year < 2500 || year > 2700) {
      fail('fiscal_year', 'year-out-of-range', 'a fiscal year lies between 2500 and 2700 (B.E.).', 'ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. 2500 ถึง 2700');
    } else fiscalYear = year;
  }

  let peopleNeeded: number | null = null;
  const countText = required('people_needed');
  if (countText !== null) {
    const digits = thaiDigits(countText).replace(/[,\s]/g, '');
    if (/^[-−]\d+(\.\d+)?$/.test(digits)) {
      fail('people_needed', 'negative-number', 'the number of people cannot be negative.', 'จำนวนคนต้องไม่ติดลบ');
    } else if (/^\d+\.\d+$/.test(digits) && !/^\d+\.0+$/.test(digits)) {
      fail('people_needed', 'not-whole-number', 'write a whole number of people.', 'จำนวนคนต้องเป็นจำนวนเต็ม');
    } else if (!/^\d+(\.0+)?$/.test(digits)) {
      fail('people_needed', 'not-a-number', 'write a number, e.g. 1,500.', 'กรุณาใส่ตัวเลข เช่น 1,500');
    } else if (Number.parseInt(digits, 10) > MAX_PEOPLE_NEEDED) {
      fail(
        'people_needed',
        'too-large',
        `at most ${MAX_PEOPLE_NEEDED.toLocaleString('en')} people in one row.`,
        `ไม่เกิน ${MAX_PEOPLE_NEEDED.toLocaleString('th')} คนต่อแถว`,
      );
    } else peopleNeeded = Number.parseInt(digits, 10);
  }

  const source = oneLine(get('source')).slice(0, 300) || null;
  if (errors.length || provinceCode === null || category === null || occupation === null || fiscalYear === null || peopleNeeded === null) return { errors };
  return { record: { provinceCode, category, occupation, fiscalYear, peopleNeeded, source } };
}

/** A file-level problem as an API problem, naming what is wrong with the file. */

/** Matches the header to the columns; a missing required column refuses the file, naming it. */
export function headerMapping(header: readonly string[], fiscalYearGiven: boolean): Partial<Record<DemandColumnKey, number>> {
  const { mapping, missing } = mapHeader(
    header.map((c) => c.trim()),
    DEMAND_COLUMNS,
  );
  const lacking = missing.filter((key) => !(key === 'fiscal_year' && fiscalYearGiven)).map(columnOf);
  if (lacking.length === 0) return mapping;
  const en = `The header lacks the column${lacking.length > 1 ? 's' : ''} ${lacking.map((c) => `"${c.en}" (${c.th})`).join(', ')}. The first row must be the header; download the template to see it.`;
  const th = `หัวตารางไม่มีคอลัมน์ ${lacking.map((c) => `"${c.th}" (${c.en})`).join(', ')} แถวแรกของไฟล์ต้องเป็นหัวตาราง ดาวน์โหลดแบบฟอร์มเพื่อดูตัวอย่าง`;
  throw new MissingColumns(
    en,
    th,
    lacking.map((c) => ({
      field: 'body',
      code: 'missing-column',
      message: `No column "${c.en}" (${c.key}) in the header.`,
      messageTh: `ไม่มีคอลัมน์ "${c.th}" ในหัวตาราง`,
    })),
  );
}

/** A header without a required column: one field error per missing column. */
export class MissingColumns extends FileProblem {
  constructor(
    en: string,
    th: string,
    readonly columns: FieldError[],
  ) {
    super('missing-column', en, th);
  }
}
