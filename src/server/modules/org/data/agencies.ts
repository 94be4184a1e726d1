/**
 * The agencies and partners named in the five seed reports (the Thai news reports digested in
 * MISSION.md). Thai names are spelt as the reports spell them; English names and abbreviations the
 * reports do not give are the agencies' own. `source` names the seed files that mention each.
 */
export const AGENCY_KINDS = ['ministry', 'department', 'public-organisation', 'partner', 'association', 'bank', 'company'] as const;
/**
 * 'department' covers department-level government offices (กรม and สำนักงาน such as สดช.);
 * 'public-organisation' covers องค์การมหาชน and other state agencies outside the civil service;
 * 'partner' is for partners that fit none of the other kinds.
 */
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface AgencySeed {
  /** Stable code, the agency's English abbreviation where it has one. */
  code: string;
  /** The ministry it belongs to, when that ministry is in this list. */
  parentCode: string | null;
  kind: AgencyKind;
  nameTh: string;
  nameEn: string;
  /** Thai abbreviation as used in government writing (สค., กพร.); null where none is in use. */
  abbrTh: string | null;
  abbrEn: string | null;
  /** The seed report(s) that name the agency. */
  source: string;
}

export const AGENCIES: readonly AgencySeed[] = [
  { code: 'MSDHS', parentCode: null, kind: 'ministry', nameTh: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', nameEn: 'Ministry of Social Development and Human Security', abbrTh: 'พม.', abbrEn: 'MSDHS', source: 'seeds 000, 001, 002' },
  { code: 'DWF', parentCode: 'MSDHS', kind: 'department', nameTh: 'กรมกิจการสตรีและสถาบันครอบครัว', nameEn: "Department of Women's Affairs and Family Development", abbrTh: 'สค.', abbrEn: 'DWF', source: 'seeds 000, 001, 002' },
  { code: 'DCY', parentCode: 'MSDHS', kind: 'department', nameTh: 'กรมกิจการเด็กและเยาวชน', nameEn: 'Department of Children and Youth', abbrTh: 'ดย.', abbrEn: 'DCY', source: 'seed 002' },
  { code: 'DOP', parentCode: 'MSDHS', kind: 'department', nameTh: 'กรมกิจการผู้สูงอายุ', nameEn: 'Department of Older Persons', abbrTh: 'ผส.', abbrEn: 'DOP', source: 'seed 002' },
  { code: 'DSDW', parentCode: 'MSDHS', kind: 'department', nameTh: 'กรมพัฒนาสังคมและสวัสดิการ', nameEn: 'Department of Social Development and Welfare', abbrTh: 'พส.', abbrEn: 'DSDW', source: 'seed 002' },
  { code: 'DEP', parentCode: 'MSDHS', kind: 'department', nameTh: 'กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ', nameEn: 'Department of Empowerment of Persons with Disabilities', abbrTh: 'พก.', abbrEn: 'DEP', source: 'seed 002' },
  { code: 'MOL', parentCode: null, kind: 'ministry', nameTh: 'กระทรวงแรงงาน', nameEn: 'Ministry of Labour', abbrTh: 'รง.', abbrEn: 'MOL', source: 'seeds 000, 003, 004' },
  { code: 'DSD', parentCode: 'MOL', kind: 'department', nameTh: 'กรมพัฒนาฝีมือแรงงาน', nameEn: 'Department of Skill Development', abbrTh: 'กพร.', abbrEn: 'DSD', source: 'seeds 000, 003, 004' },
  { code: 'DOE', parentCode: 'MOL', kind: 'department', nameTh: 'กรมการจัดหางาน', nameEn: 'Department of Employment', abbrTh: 'กกจ.', abbrEn: 'DOE', source: 'seed 000; its provincial Employment Offices in seed 004' },
  { code: 'MDES', parentCode: null, kind: 'ministry', nameTh: 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', nameEn: 'Ministry of Digital Economy and Society', abbrTh: 'ดศ.', abbrEn: 'MDES', source: 'seeds 000, 001' },
  { code: 'ONDE', parentCode: 'MDES', kind: 'department', nameTh: 'สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ', nameEn: 'Office of the National Digital Economy and Society Commission', abbrTh: 'สดช.', abbrEn: 'ONDE', source: 'seed 000' },
  { code: 'ETDA', parentCode: 'MDES', kind: 'public-organisation', nameTh: 'สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์', nameEn: 'Electronic Transactions Development Agency', abbrTh: 'สพธอ.', abbrEn: 'ETDA', source: 'seeds 000, 001, 003, 004' },
  { code: 'TPQI', parentCode: null, kind: 'public-organisation', nameTh: 'สถาบันคุณวุฒิวิชาชีพ (องค์การมหาชน)', nameEn: 'Thailand Professional Qualification Institute', abbrTh: 'สคช.', abbrEn: 'TPQI', source: 'seed 001' },
  { code: 'NSTDA', parentCode: null, kind: 'public-organisation', nameTh: 'สำนักงานพัฒนาวิทยาศาสตร์และเทคโนโลยีแห่งชาติ', nameEn: 'National Science and Technology Development Agency', abbrTh: 'สวทช.', abbrEn: 'NSTDA', source: 'seed 001' },
  { code: 'GSB', parentCode: null, kind: 'bank', nameTh: 'ธนาคารออมสิน', nameEn: 'Government Savings Bank', abbrTh: null, abbrEn: 'GSB', source: 'seed 001' },
  { code: 'LAZADA', parentCode: null, kind: 'company', nameTh: 'บริษัท ลาซาด้า จำกัด', nameEn: 'Lazada Limited', abbrTh: 'ลาซาด้า', abbrEn: 'Lazada', source: 'seed 002' },
  { code: 'TECA', parentCode: null, kind: 'association', nameTh: 'สมาคมผู้ประกอบการพาณิชย์อิเล็กทรอนิกส์ไทย', nameEn: 'Thai e-Commerce Association', abbrTh: null, abbrEn: 'TECA', source: 'seed 003' },
];
