/**
 * Where synthetic people live: real DOPA sub-district codes, drawn in proportion to the
 * population of their province, so Bangkok and Nakhon Ratchasima fill up and Ranong stays small.
 */
import { readFileSync } from 'node:fs';
import { WeightedTable } from './random';

export interface Subdistrict {
  /** The 6-digit DOPA code, as the import template wants it. */
  code: string;
  provinceCode: number;
}

/**
 * Registered population by province code, in thousands (DOPA, early 2020s, rounded). Only the
 * proportions matter; they need not be current to make the spread look right.
 */
const PROVINCE_POPULATION: Readonly<Record<number, number>> = {
  10: 5500,
  11: 1360,
  12: 1290,
  13: 1200,
  14: 820,
  15: 275,
  16: 755,
  17: 210,
  18: 325,
  19: 645,
  20: 1600,
  21: 750,
  22: 540,
  23: 230,
  24: 725,
  25: 500,
  26: 260,
  27: 570,
  30: 2630,
  31: 1580,
  32: 1390,
  33: 1470,
  34: 1880,
  35: 540,
  36: 1140,
  37: 380,
  38: 420,
  39: 510,
  40: 1800,
  41: 1590,
  42: 640,
  43: 520,
  44: 960,
  45: 1300,
  46: 980,
  47: 1150,
  48: 720,
  49: 350,
  50: 1790,
  51: 405,
  52: 740,
  53: 455,
  54: 440,
  55: 480,
  56: 470,
  57: 1300,
  58: 285,
  60: 1060,
  61: 330,
  62: 730,
  63: 670,
  64: 595,
  65: 865,
  66: 535,
  67: 995,
  70: 870,
  71: 895,
  72: 845,
  73: 920,
  74: 590,
  75: 190,
  76: 485,
  77: 555,
  80: 1560,
  81: 480,
  82: 270,
  83: 420,
  84: 1070,
  85: 195,
  86: 510,
  90: 1440,
  91: 325,
  92: 645,
  93: 525,
  94: 730,
  95: 540,
  96: 810,
};

/** Bangkok, whose addresses have no village (หมู่) number. */
export const BANGKOK = 10;

const SUBDISTRICTS_FILE = new URL('../../src/server/modules/geo/data/subdistricts.json', import.meta.url);

let all: readonly Subdistrict[] | null = null;
function allSubdistricts(): readonly Subdistrict[] {
  all ??= (JSON.parse(readFileSync(SUBDISTRICTS_FILE, 'utf8')) as { subdistrictCode: number; provinceCode: number }[]).map((s) => ({
    code: String(s.subdistrictCode).padStart(6, '0'),
    provinceCode: s.provinceCode,
  }));
  return all;
}

/** Every real sub-district code, for checking generated ones. */
export function subdistrictCodes(): ReadonlySet<string> {
  return new Set(allSubdistricts().map((s) => s.code));
}

/**
 * Sub-districts weighted by their province's population shared evenly among its sub-districts
 * (not per sub-district, or provinces cut into many small tambons would get too many people).
 * `only` restricts the draw to those codes; an unknown code is a RangeError.
 */
export function subdistrictTable(only?: readonly string[]): WeightedTable<Subdistrict> {
  const subdistricts = allSubdistricts();
  const perProvince = new Map<number, number>();
  for (const s of subdistricts) perProvince.set(s.provinceCode, (perProvince.get(s.provinceCode) ?? 0) + 1);
  let chosen = subdistricts;
  if (only) {
    const byCode = new Map(subdistricts.map((s) => [s.code, s]));
    chosen = only.map((code) => {
      const s = byCode.get(code);
      if (!s) throw new RangeError(`Not a sub-district code: ${code}`);
      return s;
    });
    if (chosen.length === 0) throw new RangeError('subdistrictCodes is empty');
  }
  // A province missing from the table (a new one) counts as a mid-sized province.
  const weight = (s: Subdistrict) => (PROVINCE_POPULATION[s.provinceCode] ?? 500) / perProvince.get(s.provinceCode)!;
  return new WeightedTable(chosen, chosen.map(weight));
}
