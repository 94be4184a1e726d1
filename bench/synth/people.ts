/**
 * Synthetic people for tests, demo data and benchmarks, written the way a Thai office fills the
 * registry's import template: Thai labels, B.E. dates, '4,500' baht, real sub-district codes.
 *
 * Person i depends only on (seed, i): each person has its own random stream keyed by both, so a
 * run of people 1,000–1,999 matches the same rows of a run from 0, and runs can be split across
 * processes. National IDs come from a bijection of i, so they never repeat.
 */
import { PEOPLE_COLUMNS, type PeopleColumnKey } from '../../src/server/modules/registry/import/columns';
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  SEXES,
  TITLES,
  WORK_STATUSES,
  type Coded,
  type DisabilityType,
  type EducationLevel,
  type WorkStatus,
} from '../../src/shared/person-fields';
import { toBuddhistYear } from '../../src/shared/thai-date';
import { DocumentNumbers, MAX_PEOPLE } from './documents';
import { FEMALE_FIRST_NAME_TABLE, MALE_FIRST_NAME_TABLE, SURNAME_TABLE } from './names';
import { BANGKOK, subdistrictTable, type Subdistrict } from './places';
import { Rng, streamKey, WeightedTable } from './random';

/** One row of the people import template, by column key (PEOPLE_COLUMNS), every cell as text. */
export interface SynthPerson {
  id_number: string;
  doc_type: string;
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
  disability_type: string;
  disability_card_no: string;
  sensitive_consent: string;
  education: string;
  work_status: string;
  monthly_income: string;
  household_size: string;
}

export interface GenerateOptions {
  /** A 32-bit integer; the same seed gives the same people. Default 1. */
  seed?: number;
  /** The index of the first person. Default 0. */
  start?: number;
  /** Only these sub-district codes (6 digits), e.g. to keep everyone in one province. */
  subdistrictCodes?: readonly string[];
}

/**
 * Ages are counted at 1 January of this year, not today, so a seed gives the same birth dates on
 * any day; people only grow older, so everyone stays at least 15 and `older-person` stays true.
 */
const REFERENCE_YEAR = 2026;

/** Women are the larger share of people registered for welfare and occupation programmes. */
const FEMALE_SHARE = 0.53;
/** People with a passport or a pink card instead of a Thai national ID. */
const FOREIGN_SHARE = 0.03;
/** People who gave English names (many offices leave them blank). */
const ENGLISH_NAME_SHARE = 0.8;

function thaiLabels<C extends string>(list: readonly Coded<C>[]): ReadonlyMap<C | '', string> {
  return new Map<C | '', string>([['', ''], ...list.map((c) => [c.code, c.th] as const)]);
}
const thaiLabel = <C extends string>(list: readonly Coded<C>[], code: C): string => list.find((c) => c.code === code)!.th;

/** Codes drawn by weight; `blank` is the weight of a cell left empty (''). */
function codeTable<C extends string>(weights: Partial<Record<C, number>>, blank = 0): WeightedTable<C | ''> {
  const entries = Object.entries(weights) as [C, number][];
  return new WeightedTable<C | ''>([...entries.map(([code]) => code), ''], [...entries.map(([, w]) => w), blank]);
}

const FEMALE = thaiLabel(SEXES, 'female');
const MALE = thaiLabel(SEXES, 'male');
const MR = thaiLabel(TITLES, 'mr');
const MRS = thaiLabel(TITLES, 'mrs');
const MISS = thaiLabel(TITLES, 'miss');
/** The yes of the import's yes/no columns. */
const YES = 'ใช่';
const EDUCATION_TH = thaiLabels(EDUCATION_LEVELS);
const WORK_TH = thaiLabels(WORK_STATUSES);
const DISABILITY_TH = thaiLabels(DISABILITY_TYPES);

/**
 * Ages 15–85 shaped like Thailand's adult population: a flat middle, fewer young adults (the
 * birth rate fell), and a thinning from 70 on.
 */
const AGES = Array.from({ length: 85 - 15 + 1 }, (_, k) => 15 + k);
const AGE_TABLE = new WeightedTable(
  AGES,
  AGES.map((age) => (age < 25 ? 0.85 : age < 40 ? 1 : age < 60 ? 1.05 : age < 70 ? 0.85 : age < 80 ? 0.45 : 0.2)),
);

/** Older generations had less schooling; teenagers are still at school. */
const EDUCATION_BY_AGE = {
  teen: codeTable<EducationLevel>({ primary: 0.15, 'lower-secondary': 0.55, 'upper-secondary': 0.3 }, 0.05),
  young: codeTable<EducationLevel>(
    { none: 0.01, primary: 0.1, 'lower-secondary': 0.2, 'upper-secondary': 0.3, vocational: 0.15, bachelor: 0.21, postgraduate: 0.03 },
    0.05,
  ),
  middle: codeTable<EducationLevel>(
    { none: 0.03, primary: 0.42, 'lower-secondary': 0.18, 'upper-secondary': 0.16, vocational: 0.1, bachelor: 0.1, postgraduate: 0.01 },
    0.06,
  ),
  older: codeTable<EducationLevel>(
    { none: 0.12, primary: 0.66, 'lower-secondary': 0.08, 'upper-secondary': 0.06, vocational: 0.03, bachelor: 0.04, postgraduate: 0.01 },
    0.08,
  ),
};
const educationTable = (age: number) =>
  age < 18 ? EDUCATION_BY_AGE.teen : age < 40 ? EDUCATION_BY_AGE.young : age < 60 ? EDUCATION_BY_AGE.middle : EDUCATION_BY_AGE.older;

const WORK_BY_AGE = {
  teen: codeTable<WorkStatus>({ student: 0.85, employed: 0.04, 'self-employed': 0.03, unemployed: 0.05, farmer: 0.03 }, 0.03),
  student: codeTable<WorkStatus>({ student: 0.45, employed: 0.2, 'self-employed': 0.1, unemployed: 0.13, farmer: 0.12 }, 0.04),
  working: codeTable<WorkStatus>({ employed: 0.3, 'self-employed': 0.25, farmer: 0.25, unemployed: 0.14, retired: 0.06 }, 0.04),
  older: codeTable<WorkStatus>({ retired: 0.45, farmer: 0.28, 'self-employed': 0.17, employed: 0.05, unemployed: 0.05 }, 0.05),
};
const workTable = (age: number) => (age < 18 ? WORK_BY_AGE.teen : age < 23 ? WORK_BY_AGE.student : age < 60 ? WORK_BY_AGE.working : WORK_BY_AGE.older);

/**
 * Monthly income by work status: [chance of none, low, high] in baht. Draws lean to the low end;
 * the minimum wage is about 10,000 a month, the old-age allowance (เบี้ยยังชีพ) 600–1,000.
 */
const INCOME: Readonly<Record<WorkStatus | '', readonly [number, number, number]>> = {
  unemployed: [0.7, 500, 4000],
  student: [0.8, 1000, 6000],
  retired: [0.2, 600, 5000],
  farmer: [0.05, 1500, 12000],
  'self-employed': [0.02, 3000, 20000],
  employed: [0, 8000, 25000],
  '': [0.3, 1000, 10000],
};

/** Shares as on the disability card register: mobility first, then hearing and sight. */
const DISABILITY_TABLE = codeTable<DisabilityType>({
  physical: 0.48,
  hearing: 0.19,
  visual: 0.1,
  mental: 0.08,
  intellectual: 0.07,
  autism: 0.015,
  learning: 0.015,
});

const HOUSEHOLD_TABLE = new WeightedTable(['1', '2', '3', '4', '5', '6', '7', '8'], [0.1, 0.2, 0.24, 0.2, 0.13, 0.07, 0.04, 0.02]);
/** The second digit of a mobile number: 08x, 09x and the newer 06x. */
const MOBILE_TABLE = new WeightedTable(['8', '9', '6'], [0.5, 0.35, 0.15]);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const PAD2 = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** Checks the range once, up front, rather than failing midway through a long run. */
function checkRange(count: number, start: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a whole number ≥ 0, got ${start}`);
  if (start + count > MAX_PEOPLE) throw new RangeError(`At most ${MAX_PEOPLE} people (indexes 0 to ${MAX_PEOPLE - 1}) have distinct document numbers`);
}

/** People start + 0 … start + count − 1, one at a time, for streaming millions without holding them. */
export function* generatePeople(count: number, options: GenerateOptions = {}): Generator<SynthPerson> {
  const { seed = 1, start = 0 } = options;
  checkRange(count, start);
  const places = subdistrictTable(options.subdistrictCodes);
  const documents = new DocumentNumbers(seed);
  const rng = new Rng();
  for (let i = start; i < start + count; i++) yield person(i, rng.reset(streamKey(seed, i)), places, documents);
}

/** Person i. Draws happen in a fixed order, so the stream gives the same person every time. */
function person(i: number, rng: Rng, places: WeightedTable<Subdistrict>, documents: DocumentNumbers): SynthPerson {
  const document = identityDocument(i, rng, documents);
  const female = rng.chance(FEMALE_SHARE);
  const age = AGE_TABLE.pick(rng.next());
  const first = (female ? FEMALE_FIRST_NAME_TABLE : MALE_FIRST_NAME_TABLE).pick(rng.next());
  const last = SURNAME_TABLE.pick(rng.next());
  const english = rng.chance(ENGLISH_NAME_SHARE);
  const place = places.pick(rng.next());
  const education = educationTable(age).pick(rng.next());
  let work = workTable(age).pick(rng.next());
  // Bangkok has next to no farms; its would-be farmers work for wages.
  if (work === 'farmer' && place.provinceCode === BANGKOK) work = 'employed';
  const income = monthlyIncome(work, rng);
  // The disability card is issued under the holder's national ID, so only Thai-ID holders have one here.
  const disability = document.type === '' && rng.chance(age >= 60 ? 0.09 : 0.025) ? DISABILITY_TABLE.pick(rng.next()) : '';
  const title = female ? (rng.chance(marriedChance(age)) ? MRS : MISS) : MR;
  const birthDate = birthDateFor(age, rng);
  const phone = phoneFor(age, rng);
  const houseNo = houseNumber(place, rng);
  const villageNo = villageNumber(place, rng);
  const groups = targetGroups({ female, age, education, work, income, disabled: disability !== '' }, rng);
  const incomeText = income === null ? '' : formatBaht(income, rng);
  return {
    id_number: document.number,
    doc_type: document.type,
    title,
    first_name_th: first.th,
    last_name_th: last.th,
    first_name_en: english ? first.en : '',
    last_name_en: english ? last.en : '',
    sex: female ? FEMALE : MALE,
    birth_date: birthDate,
    phone,
    house_no: houseNo,
    village_no: villageNo,
    subdistrict_code: place.code,
    target_groups: groups,
    disability_type: DISABILITY_TH.get(disability)!,
    disability_card_no: disability ? document.number : '',
    sensitive_consent: disability ? YES : '',
    education: EDUCATION_TH.get(education)!,
    work_status: WORK_TH.get(work)!,
    monthly_income: incomeText,
    household_size: HOUSEHOLD_TABLE.pick(rng.next()),
  };
}

/** A Thai national ID for most; a passport (migrant workers) or a pink card (stateless people) for a few. */
function identityDocument(i: number, rng: Rng, documents: DocumentNumbers): { type: '' | 'passport' | 'pink-card'; number: string } {
  if (!rng.chance(FOREIGN_SHARE)) return { type: '', number: documents.nationalId(i) };
  return rng.chance(0.6) ? { type: 'passport', number: documents.passport(i) } : { type: 'pink-card', number: documents.pinkCard(i) };
}

/** The chance a woman goes by นาง (married) rather than นางสาว: none before 20, rising to about 4 in 5. */
const marriedChance = (age: number) => (age < 20 ? 0 : Math.min(0.8, (age - 20) * 0.04));

/** DD/MM/YYYY in B.E., someone `age` years old on 1 January of the reference year. */
function birthDateFor(age: number, rng: Rng): string {
  const year = REFERENCE_YEAR - 1 - age;
  // Older people's records often say 1 January where the day of birth was never known.
  if (age >= 60 && rng.chance(0.08)) return `01/01/${toBuddhistYear(year)}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  let day = rng.below(leap ? 366 : 365);
  let month = 0;
  for (; ; month++) {
    const length = MONTH_DAYS[month]! + (month === 1 && leap ? 1 : 0);
    if (day < length) break;
    day -= length;
  }
  return `${PAD2[day + 1]}/${PAD2[month + 1]}/${toBuddhistYear(year)}`;
}

/** A mobile number, or '' for people who gave none (more often the oldest). */
function phoneFor(age: number, rng: Rng): string {
  if (!rng.chance(age < 70 ? 0.88 : 0.6)) return '';
  return `0${MOBILE_TABLE.pick(rng.next())}${String(rng.below(100_000_000)).padStart(8, '0')}`;
}

/**
 * '12' or '45/3'. Most numbers are low (villages are small); a slash marks a plot split off a
 * numbered one, which is common in Bangkok's sois.
 */
function houseNumber(place: Subdistrict, rng: Rng): string {
  const main = 1 + Math.floor(rng.next() ** 2 * 400);
  if (!rng.chance(place.provinceCode === BANGKOK ? 0.5 : 0.2)) return String(main);
  return `${main}/${1 + Math.floor(rng.next() ** 2 * 30)}`;
}

/** Village (หมู่) 1–15, low numbers commoner; none in Bangkok, nor in some town (เทศบาล) addresses. */
function villageNumber(place: Subdistrict, rng: Rng): string {
  if (place.provinceCode === BANGKOK || rng.chance(0.08)) return '';
  return String(1 + Math.floor(rng.next() ** 1.5 * 15));
}

/** Baht a month, or null when the cell is left blank. */
function monthlyIncome(work: WorkStatus | '', rng: Rng): number | null {
  if (rng.chance(0.06)) return null;
  const [none, low, high] = INCOME[work];
  if (rng.chance(none)) return 0;
  const step = rng.chance(0.6) ? 500 : 100;
  return Math.max(step, Math.round((low + (high - low) * rng.next() ** 2) / step) * step);
}

/** '4,500' or '4500', as people type it; amounts stay below a million. */
function formatBaht(amount: number, rng: Rng): string {
  if (amount < 1000 || !rng.chance(0.55)) return String(amount);
  return `${Math.floor(amount / 1000)},${String(amount % 1000).padStart(3, '0')}`;
}

interface Traits {
  female: boolean;
  age: number;
  education: EducationLevel | '';
  work: WorkStatus | '';
  income: number | null;
  disabled: boolean;
}

/**
 * Target groups, each with its chance given a person's traits, in order of how surely they apply.
 * Disability comes first and is certain for a disabled person, since the row must then carry it
 * (with consent).
 */
const TARGET_GROUP_RULES: readonly { code: string; chance: (p: Traits) => number }[] = [
  { code: 'disability', chance: (p) => (p.disabled ? 1 : 0) },
  { code: 'older-person', chance: (p) => (p.age >= 60 ? 0.8 : 0) },
  { code: 'poor', chance: (p) => (p.income === null ? 0.1 : p.income < 3000 ? 0.45 : p.income < 8500 ? 0.2 : 0.03) },
  { code: 'informal-worker', chance: (p) => (p.work === 'self-employed' || p.work === 'farmer' ? 0.35 : 0) },
  { code: 'single-parent', chance: (p) => (p.age >= 20 && p.age <= 55 ? (p.female ? 0.12 : 0.03) : 0) },
  { code: 'lost-work', chance: (p) => (p.work === 'unemployed' ? 0.5 : 0) },
  { code: 'low-education', chance: (p) => ((p.education === 'none' || p.education === 'primary') && p.age < 60 ? 0.25 : 0) },
  { code: 'new-graduate', chance: (p) => ((p.education === 'bachelor' || p.education === 'postgraduate') && p.age >= 21 && p.age <= 27 ? 0.5 : 0) },
  { code: 'children-youth', chance: (p) => (p.age <= 24 ? 0.2 : 0) },
  { code: 'women-family-hardship', chance: (p) => (p.female ? 0.04 : 0) },
];

/** Up to two target-group codes joined by ';' (the first rules that hit), or ''. */
function targetGroups(p: Traits, rng: Rng): string {
  let groups = '';
  let count = 0;
  for (const rule of TARGET_GROUP_RULES) {
    const chance = rule.chance(p);
    if (chance > 0 && rng.chance(chance)) groups += (count++ ? ';' : '') + rule.code;
    if (count === 2) break;
  }
  return groups;
}

// ---- CSV ----------------------------------------------------------------------------------

export type CsvHeader = 'th' | 'en' | 'keys';

export interface CsvOptions {
  /** Header row labels: the Thai or English template labels, or the column keys. */
  header: CsvHeader;
  /** Start with U+FEFF, as Excel's "CSV UTF-8" does, so Excel opens Thai text correctly. */
  bom?: boolean;
}

const COLUMN_KEYS: readonly PeopleColumnKey[] = PEOPLE_COLUMNS.map((c) => c.key);
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
/** A cell of a synthetic import file, quoted only when it must be (no formula defusing: the files are ours). */
export const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function headerLine(header: CsvHeader): string {
  return PEOPLE_COLUMNS.map((c) => csvCell(header === 'keys' ? c.key : c[header])).join(',') + '\r\n';
}

function personLine(p: SynthPerson): string {
  let line = csvCell(p[COLUMN_KEYS[0]!]);
  for (let k = 1; k < COLUMN_KEYS.length; k++) line += ',' + csvCell(p[COLUMN_KEYS[k]!]);
  return line + '\r\n';
}

/**
 * Rows per chunk: one write per row would cost a call each, the whole file as one string would
 * not fit in memory at millions of rows; 2,000 rows is about 450 KB of UTF-8.
 */
const ROWS_PER_CHUNK = 2000;

/** The CSV in pieces of ROWS_PER_CHUNK rows (the header in the first), for writing to a stream. */
export function* peopleCsvChunks(people: Iterable<SynthPerson>, options: CsvOptions): Generator<string> {
  let chunk = (options.bom ? '\uFEFF' : '') + headerLine(options.header);
  let rows = 0;
  for (const p of people) {
    chunk += personLine(p);
    if (++rows === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk) yield chunk;
}

/** The whole CSV as one string: header row, then a row per person, CRLF line ends. */
export function peopleCsv(people: Iterable<SynthPerson>, options: CsvOptions): string {
  return [...peopleCsvChunks(people, options)].join('');
}
