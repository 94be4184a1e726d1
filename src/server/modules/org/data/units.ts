import { AGENCIES } from './agencies';
import { regionOfProvince } from '../../geo/data/regions';

/**
 * Kinds of unit: where officers work and what area they answer for. The seeds name no TPQI
 * assessment centre: the six shipped here (one per region) are assumed, to stand for the
 * accredited bodies TPQI names.
 */
export const UNIT_KINDS = [
  'headquarters',
  'learning-centre',
  'provincial-skill-development-office',
  'provincial-employment-office',
  'assessment-centre',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitSeed {
  code: string;
  agencyCode: string;
  kind: UnitKind;
  nameTh: string;
  nameEn: string;
  /** Where the unit sits. */
  provinceCode: string | null;
  /** The provinces it is responsible for: an officer of the unit works in these. */
  areaProvinceCodes: string[];
  /** True where the seeds do not give this detail and it is our assumption. */
  assumed: boolean;
  note: string | null;
}

interface ProvinceName {
  code: string;
  nameTh: string;
  nameEn: string;
}

const CENTRE_NOTE =
  'Seed 000 says DWF has 8 regional Women and Family Development Learning Centres but does not name them; ' +
  'the names, seats and areas here are assumed, to be confirmed with DWF. / ชื่อ ที่ตั้ง และพื้นที่ เป็นข้อมูลสมมติ รอยืนยันกับ สค.';

/** Mekong-basin provinces given to the Nakhon Phanom centre; the rest of the Northeast to Khon Kaen. */
const MEKONG = ['38', '39', '41', '42', '43', '47', '48', '49'];
/** The deep South given to the Yala centre; the upper South to Nakhon Si Thammarat. */
const LOWER_SOUTH = ['90', '91', '92', '93', '94', '95', '96'];

const LEARNING_CENTRES = [
  { key: 'N', seat: '52', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคเหนือ', en: 'Northern Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'N' },
  { key: 'NE', seat: '40', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคตะวันออกเฉียงเหนือ', en: 'North-eastern Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'NE' && !MEKONG.includes(p) },
  { key: 'MK', seat: '48', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวลุ่มน้ำโขง', en: 'Mekong Basin Women and Family Development Learning Centre', covers: (p: string) => MEKONG.includes(p) },
  { key: 'C', seat: '13', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคกลาง', en: 'Central Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'C' },
  { key: 'E', seat: '20', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคตะวันออก', en: 'Eastern Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'E' },
  { key: 'W', seat: '70', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคตะวันตก', en: 'Western Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'W' },
  { key: 'S', seat: '80', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวภาคใต้', en: 'Southern Women and Family Development Learning Centre', covers: (p: string) => regionOfProvince(p) === 'S' && !LOWER_SOUTH.includes(p) },
  { key: 'SB', seat: '95', th: 'ศูนย์เรียนรู้การพัฒนาสตรีและครอบครัวชายแดนภาคใต้', en: 'Southern Border Women and Family Development Learning Centre', covers: (p: string) => LOWER_SOUTH.includes(p) },
] as const;

const BANGKOK = '10';

const ASSESSMENT_CENTRES = [
  { region: 'N', seat: '50', th: 'ภาคเหนือ', en: 'Northern' },
  { region: 'NE', seat: '40', th: 'ภาคตะวันออกเฉียงเหนือ', en: 'North-eastern' },
  { region: 'C', seat: '10', th: 'ภาคกลาง', en: 'Central' },
  { region: 'E', seat: '20', th: 'ภาคตะวันออก', en: 'Eastern' },
  { region: 'W', seat: '70', th: 'ภาคตะวันตก', en: 'Western' },
  { region: 'S', seat: '90', th: 'ภาคใต้', en: 'Southern' },
] as const;
const CENTRE_OF_ASSESSMENT_NOTE =
  'Seed 001 names TPQI but no assessment centre; these regional e-commerce assessment centres are assumed, ' +
  'to be replaced by the bodies TPQI accredits. / ศูนย์ประเมินเป็นข้อมูลสมมติ รอแทนด้วยองค์กรที่ สคช. รับรอง';

/**
 * The units of the programme: a headquarters per department and partner (nationwide), the 8 DWF
 * learning centres (areas partitioning the country), and in every province a Provincial Skill
 * Development Office (DSD) and a Provincial Employment Office (DOE), each responsible for its province.
 */
export function buildUnits(provinces: readonly ProvinceName[]): UnitSeed[] {
  const all = provinces.map((p) => p.code).sort();
  const headquarters: UnitSeed[] = AGENCIES.filter((a) => a.kind !== 'ministry').map((a) => ({
    code: `${a.code}-HQ`,
    agencyCode: a.code,
    kind: 'headquarters',
    nameTh: `${a.nameTh} (ส่วนกลาง)`,
    nameEn: `${a.nameEn} (headquarters)`,
    provinceCode: a.code === 'NSTDA' ? '13' : BANGKOK,
    areaProvinceCodes: all,
    assumed: false,
    note: null,
  }));
  const centres: UnitSeed[] = LEARNING_CENTRES.map((c) => {
    const seat = provinces.find((p) => p.code === c.seat);
    return {
      code: `DWF-LC-${c.key}`,
      agencyCode: 'DWF',
      kind: 'learning-centre',
      nameTh: `${c.th} จังหวัด${seat?.nameTh ?? ''}`.trim(),
      nameEn: `${c.en}, ${seat?.nameEn ?? ''}`.replace(/, $/, ''),
      provinceCode: c.seat,
      areaProvinceCodes: all.filter(c.covers),
      assumed: true,
      note: CENTRE_NOTE,
    };
  });
  const provincial: UnitSeed[] = provinces.flatMap((p) => [
    {
      code: `DSD-PSDO-${p.code}`,
      agencyCode: 'DSD',
      kind: 'provincial-skill-development-office' as const,
      nameTh: p.code === BANGKOK ? 'สำนักงานพัฒนาฝีมือแรงงานกรุงเทพมหานคร' : `สำนักงานพัฒนาฝีมือแรงงาน${p.nameTh}`,
      nameEn: `${p.nameEn} Provincial Skill Development Office`,
      provinceCode: p.code,
      areaProvinceCodes: [p.code],
      // Some provinces are served by a regional Skill Development Institute instead; the seeds name neither.
      assumed: true,
      note: 'Name follows the usual pattern; some provinces are served by a regional Skill Development Institute.',
    },
    {
      code: `DOE-PEO-${p.code}`,
      agencyCode: 'DOE',
      kind: 'provincial-employment-office' as const,
      nameTh: p.code === BANGKOK ? 'สำนักงานจัดหางานกรุงเทพมหานครพื้นที่ 1' : `สำนักงานจัดหางานจังหวัด${p.nameTh}`,
      nameEn: p.code === BANGKOK ? 'Bangkok Employment Office, Area 1' : `${p.nameEn} Provincial Employment Office`,
      provinceCode: p.code,
      areaProvinceCodes: [p.code],
      assumed: p.code === BANGKOK,
      note: p.code === BANGKOK ? 'Bangkok has 10 area employment offices; one stands for them here.' : null,
    },
  ]);
  const assessment: UnitSeed[] = ASSESSMENT_CENTRES.map((c) => ({
    code: `TPQI-AC-${c.region}`,
    agencyCode: 'TPQI',
    kind: 'assessment-centre',
    nameTh: `ศูนย์ประเมินสมรรถนะบุคคล สาขาพาณิชย์อิเล็กทรอนิกส์ ${c.th}`,
    nameEn: `${c.en} E-commerce Competency Assessment Centre`,
    provinceCode: c.seat,
    areaProvinceCodes: all.filter((p) => regionOfProvince(p) === c.region),
    assumed: true,
    note: CENTRE_OF_ASSESSMENT_NOTE,
  }));
  return [...headquarters, ...centres, ...provincial, ...assessment];
}
