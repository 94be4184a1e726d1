import { csvCell } from '../../platform/files/csv';
import type { IndicatorDefinition } from './indicators';

/**
 * The open-data catalogue entry of monitoring's aggregate indicators, in the shape of data.go.th's
 * catalogue (CKAN) metadata: the fields an agency fills when it publishes a dataset there.
 */
export const CATALOGUE = {
  name: 'archeep-occupation-indicators',
  title: 'ตัวชี้วัดการพัฒนาอาชีพ รายจังหวัด รายปีงบประมาณ',
  titleEn: 'Occupation-development indicators by province and Thai fiscal year',
  notes:
    'ผลการดำเนินงานของแผนงานพัฒนาอาชีพ (ผู้ลงทะเบียน ผู้ผ่านการอบรม ผู้ได้งานทำ กลุ่มอาชีพ เงินทุน ตลาด) เทียบเป้าหมาย รายจังหวัด ตามปีงบประมาณ (1 ต.ค. – 30 ก.ย.) ค่าที่น้อยกว่า 5 คนหรือกลุ่มแสดงเป็น "<5" เพื่อไม่ให้ระบุตัวบุคคลได้',
  notesEn:
    'Results of the occupation-development programmes (registrations, training completions, placements, groups, funding, sales) against targets by province and Thai fiscal year (1 Oct – 30 Sep); counts of people or groups from 1 to 4 are shown as "<5" so no one is identified.',
  ownerOrg: 'กระทรวงแรงงาน (ระบบอาชีพ Archeep)',
  ownerOrgEn: 'Ministry of Labour (Archeep)',
  maintainer: 'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร กระทรวงแรงงาน',
  licenseId: 'Open Data Common',
  licenseTitle: 'สัญญาอนุญาตให้ใช้ข้อมูลเปิดของประเทศไทย (Open Data Common)',
  updateFrequency: { unit: 'เดือน', unitEn: 'monthly', interval: 1 },
  geoCoverage: 'ประเทศไทย (รายจังหวัด)',
  dataFormat: ['CSV', 'JSON'],
  dataCategory: 'ข้อมูลสาธารณะ',
  dataClassification: 'เปิดเผย',
  objective: 'ยุทธศาสตร์ชาติ / ข้อมูลติดตามผลการดำเนินงาน',
  language: ['th', 'en'],
  tags: ['อาชีพ', 'แรงงาน', 'การฝึกอบรม', 'การจ้างงาน', 'วิสาหกิจชุมชน'],
};

/** The columns of the CSV and JSON rows, with their meaning (the data dictionary). */
export const DICTIONARY = [
  { column: 'fiscal_year', type: 'integer', th: 'ปีงบประมาณ (พ.ศ.) 1 ต.ค. – 30 ก.ย.', en: 'Thai fiscal year (B.E.), 1 Oct – 30 Sep' },
  { column: 'indicator', type: 'text', th: 'รหัสตัวชี้วัด', en: 'Indicator code' },
  { column: 'indicator_name_th', type: 'text', th: 'ชื่อตัวชี้วัด (ไทย)', en: 'Indicator name (Thai)' },
  { column: 'indicator_name_en', type: 'text', th: 'ชื่อตัวชี้วัด (อังกฤษ)', en: 'Indicator name (English)' },
  { column: 'province_code', type: 'text', th: 'รหัสจังหวัด (กรมการปกครอง) หรือ * ทั้งประเทศ', en: 'Province code (DOPA), or * for the whole country' },
  { column: 'province_name_th', type: 'text', th: 'ชื่อจังหวัด', en: 'Province name (Thai)' },
  { column: 'value', type: 'number or "<5"', th: 'ค่าที่วัดได้ ค่า 1–4 ของจำนวนคนหรือกลุ่มแสดงเป็น "<5"', en: 'The value; counts of 1–4 are shown as "<5"' },
  { column: 'unit', type: 'text', th: 'หน่วย', en: 'Unit' },
  { column: 'target', type: 'number', th: 'เป้าหมาย (ว่างถ้าไม่ได้กำหนด)', en: 'Target (empty when none is set)' },
];

export interface OpenRow {
  fiscal_year: number;
  indicator: string;
  indicator_name_th: string;
  indicator_name_en: string;
  province_code: string;
  province_name_th: string;
  value: number | '<5';
  unit: string;
  target: number | null;
}

/** A value as published: money in baht (two decimals), counts and percents as they are. */
export const published = (i: IndicatorDefinition, value: number | '<5') => (value === '<5' || i.format !== 'satang' ? value : Math.round(value) / 100);

/** The rows as CSV (UTF-8 with a byte-order mark, so Excel reads the Thai). */
export function toCsv(rows: readonly OpenRow[]): string {
  const columns = DICTIONARY.map((d) => d.column) as (keyof OpenRow)[];
  return '\uFEFF' + [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}
