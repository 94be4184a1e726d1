/**
 * The six regions of the National Geographical Committee's scheme. The DOPA files carry no region,
 * so each province's region is assigned here by its 2-digit code.
 */
export const REGIONS = [
  { code: 'N', nameTh: 'ภาคเหนือ', nameEn: 'North' },
  { code: 'NE', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  { code: 'C', nameTh: 'ภาคกลาง', nameEn: 'Central' },
  { code: 'E', nameTh: 'ภาคตะวันออก', nameEn: 'East' },
  { code: 'W', nameTh: 'ภาคตะวันตก', nameEn: 'West' },
  { code: 'S', nameTh: 'ภาคใต้', nameEn: 'South' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const MEMBERS: Record<Exclude<RegionCode, 'C'>, number[]> = {
  N: range(50, 58),
  NE: range(30, 49),
  E: [20, 21, 22, 23, 24, 25, 27],
  W: [63, 70, 71, 76, 77],
  S: [...range(80, 86), ...range(90, 96)],
};

/** The region of a 2-digit province code; Central for every province not listed elsewhere. */
export function regionOfProvince(provinceCode: string): RegionCode {
  const n = Number(provinceCode);
  for (const [region, codes] of Object.entries(MEMBERS)) if (codes.includes(n)) return region as RegionCode;
  return 'C';
}

/** Every province code of the 77 mapped to its region. */
export const PROVINCE_REGION: Record<string, RegionCode> = Object.fromEntries(
  [...range(10, 27), ...range(30, 58), ...range(60, 67), ...range(70, 77), ...range(80, 86), ...range(90, 96)].map((code) => [
    String(code),
    regionOfProvince(String(code)),
  ]),
);
