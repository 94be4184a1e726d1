import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nationalIdCheckDigit } from '../../src/shared/national-id';
import { FEMALE_NAMES, MALE_NAMES, SURNAME_PARTS, type Name } from './names';

/**
 * Synthetic people for tests, the demo and benchmarks: deterministic for a seed, valid national
 * IDs unique per index, real sub-district codes weighted roughly by population, names with a
 * skewed distribution (a few common, most rare), written as a Thai office's Excel file would.
 */

/** One row of the people import template (its keys). */
export interface SynthPerson {
  id_number: string;
  title: string;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string;
  last_name_en: string;
  sex: string;
  birth_date: string;
  phone: string;
  house_no: string;
  village_no: string;
  subdistrict_code: string;
  target_groups: string;
  education: string;
  work_status: string;
  monthly_income: string;
  household_size: string;
}

export const SYNTH_COLUMNS: (keyof SynthPerson)[] = [
  'id_number', 'title', 'first_name_th', 'last_name_th', 'first_name_en', 'last_name_en', 'sex', 'birth_date', 'phone', 'house_no',
  'village_no', 'subdistrict_code', 'target_groups', 'education', 'work_status', 'monthly_income', 'household_size',
];

/** Rough population weights: Bangkok and the large provinces count for more. */
const PROVINCE_WEIGHT: Record<string, number> = { '10': 8, '30': 4, '40': 3, '50': 3, '20': 2.5, '90': 2, '41': 2.5, '34': 2.5, '12': 2, '11': 2, '83': 0.6 };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let subdistrictTable: { codes: string[]; cumulative: Float64Array } | null = null;
function subdistricts() {
  if (subdistrictTable) return subdistrictTable;
  const rows = JSON.parse(readFileSync(path.join(ROOT, 'src/server/modules/geo/data/subdistricts.json'), 'utf8')) as { subdistrictCode: number; provinceCode: number }[];
  const codes = rows.map((r) => String(r.subdistrictCode));
  const cumulative = new Float64Array(rows.length);
  let sum = 0;
  rows.forEach((r, i) => (cumulative[i] = sum += PROVINCE_WEIGHT[String(r.provinceCode).padStart(2, '0')] ?? 1));
  return (subdistrictTable = { codes, cumulative });
}

/** mulberry32: small, fast, good enough for synthetic data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index into a list of n, skewed like real names: index k with weight 1/(k+1). */
const zipf = (r: number, n: number) => Math.min(n - 1, Math.floor(Math.exp(r * Math.log(n + 1)) - 1));

/**
 * The national ID of person i: 12 digits from a bijective scramble of i (a multiplier coprime to
 * 10^10, small enough that the product stays exact below 2^53 for 20 million people), then the
 * check digit.
 */
export function syntheticNationalId(i: number, seed = 1): string {
  const scrambled = (i * 387_420_489 + seed * 97_531) % 10_000_000_000;
  const first12 = `${1 + ((i + seed) % 8)}${String(Math.floor(i / 10_000_000_000) % 10)}${String(scrambled).padStart(10, '0')}`;
  return first12 + nationalIdCheckDigit(first12);
}

export function* generatePeople(count: number, options: { seed?: number; start?: number; subdistrictCodes?: readonly string[] } = {}): Generator<SynthPerson> {
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  const area = subdistricts();
  const total = area.cumulative[area.cumulative.length - 1]!;
  const thisYearBE = new Date().getFullYear() + 543;
  for (let i = start; i < start + count; i++) {
    const r = random(seed * 1_000_003 + i);
    const female = r() < 0.55;
    const first: Name = female ? FEMALE_NAMES[zipf(r(), FEMALE_NAMES.length)]! : MALE_NAMES[zipf(r(), MALE_NAMES.length)]!;
    const parts = r() < 0.6 ? 2 : 3;
    const surname: Name[] = [];
    for (let k = 0; k < parts; k++) surname.push(SURNAME_PARTS[zipf(r(), SURNAME_PARTS.length)]!);
    const lastTh = surname.map((s) => s[0]).join('');
    const lastEn = surname.map((s) => s[1]).join('');
    const age = 18 + Math.floor(Math.pow(r(), 1.3) * 62);
    const married = female && age > 24 && r() < 0.6;
    let subdistrict: string;
    if (options.subdistrictCodes?.length) subdistrict = options.subdistrictCodes[Math.floor(r() * options.subdistrictCodes.length)]!;
    else {
      const target = r() * total;
      let lo = 0;
      let hi = area.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (area.cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      subdistrict = area.codes[lo]!;
    }
    const groups: string[] = [];
    if (age >= 60) groups.push('ผู้สูงอายุ');
    if (r() < 0.25) groups.push('คนยากจน');
    if (female && r() < 0.15) groups.push('พ่อหรือแม่เลี้ยงเดี่ยว');
    if (r() < 0.3) groups.push('แรงงานนอกระบบและแรงงานอิสระ');
    yield {
      id_number: syntheticNationalId(i, seed),
      title: female ? (married ? 'นาง' : 'นางสาว') : 'นาย',
      first_name_th: first[0],
      last_name_th: lastTh,
      first_name_en: r() < 0.4 ? first[1] : '',
      last_name_en: '',
      sex: female ? 'หญิง' : 'ชาย',
      birth_date: `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/${String(1 + Math.floor(r() * 12)).padStart(2, '0')}/${thisYearBE - age}`,
      phone: r() < 0.8 ? `0${['8', '9', '6'][Math.floor(r() * 3)]}${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : '',
      house_no: `${1 + Math.floor(r() * 300)}${r() < 0.2 ? `/${1 + Math.floor(r() * 9)}` : ''}`,
      village_no: String(1 + Math.floor(r() * 15)),
      subdistrict_code: subdistrict,
      target_groups: groups.join(';'),
      education: ['ประถมศึกษา', 'มัธยมศึกษาตอนต้น', 'มัธยมศึกษาตอนปลาย', 'ปวช./ปวส.', 'ปริญญาตรี'][zipf(r(), 5)]!,
      work_status: ['ประกอบอาชีพอิสระ', 'ว่างงาน', 'เกษตรกร', 'มีงานทำ (ลูกจ้าง)'][zipf(r(), 4)]!,
      monthly_income: String(Math.round(Math.pow(r(), 2) * 150) * 100),
      household_size: String(1 + Math.floor(r() * 6)),
    };
  }
}

const HEADER_TH: Record<keyof SynthPerson, string> = {
  id_number: 'เลขประจำตัวประชาชน/เลขเอกสาร', title: 'คำนำหน้า', first_name_th: 'ชื่อ', last_name_th: 'นามสกุล', first_name_en: 'ชื่อ (อังกฤษ)',
  last_name_en: 'นามสกุล (อังกฤษ)', sex: 'เพศ', birth_date: 'วันเกิด', phone: 'โทรศัพท์', house_no: 'บ้านเลขที่', village_no: 'หมู่ที่',
  subdistrict_code: 'รหัสตำบล', target_groups: 'กลุ่มเป้าหมาย', education: 'การศึกษา', work_status: 'สถานะการทำงาน', monthly_income: 'รายได้ต่อเดือน (บาท)',
  household_size: 'จำนวนสมาชิกในครัวเรือน',
};

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The people as a CSV under the Thai template header (CRLF, as Excel writes). */
export function peopleCsv(people: Iterable<SynthPerson>): string {
  const lines = [SYNTH_COLUMNS.map((c) => HEADER_TH[c]).join(',')];
  for (const p of people) lines.push(SYNTH_COLUMNS.map((c) => csvCell(p[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
