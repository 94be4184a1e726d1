import { nationalIdCheckDigit } from '../../src/shared/national-id';

/** A valid Thai national ID from a serial number (unique per serial, first digit 1–8). */
export function nationalId(serial: number, firstDigit = 3): string {
  const first12 = `${firstDigit}${String(serial).padStart(11, '0')}`;
  return first12 + nationalIdCheckDigit(first12);
}

/** The same ID with its check digit wrong. */
export function badChecksum(id: string): string {
  return id.slice(0, 12) + ((Number(id[12]) + 1) % 10);
}

let serial = Math.floor(Math.random() * 1e6) * 1000;

/** A registration body for POST /api/people: a woman in Mueang Khon Kaen unless told otherwise. */
export function personBody(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    docType: 'th-id',
    docNumber: nationalId(serial),
    title: 'mrs',
    firstNameTh: 'สมศรี',
    lastNameTh: `ใจดี${serial % 1000}`.replace(/\d/g, (d) => 'กขคงจฉชซฌญ'[Number(d)]!),
    firstNameEn: 'Somsri',
    lastNameEn: 'Jaidee',
    sex: 'female',
    birthDate: '1985-03-05',
    phone: '0812345678',
    houseNo: '12/3',
    villageNo: 4,
    subdistrictCode: '400101',
    targetGroups: ['single-parent'],
    education: 'upper-secondary',
    workStatus: 'self-employed',
    monthlyIncomeSatang: 450000,
    householdSize: 3,
    ...overrides,
  };
}

export const PEOPLE_HEADER_TH = [
  'เลขประจำตัวประชาชน/เลขเอกสาร',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เพศ',
  'วันเกิด',
  'โทรศัพท์',
  'รหัสตำบล',
  'กลุ่มเป้าหมาย',
  'รายได้ต่อเดือน (บาท)',
];

/** A row under PEOPLE_HEADER_TH: person `serial`, born in B.E., living in `subdistrict`. */
export function peopleCsvRow(serial: number, subdistrict = '400101'): string[] {
  const names = ['สมศรี', 'มาลี', 'บุญมี', 'ประไพ', 'จันทร์เพ็ญ'];
  return [
    nationalId(serial, 1),
    'นาง',
    names[serial % names.length]!,
    `แสงทอง${serial}`.replace(/\d/g, (d) => 'กขคงจฉชซฌญ'[Number(d)]!),
    'หญิง',
    `05/03/25${String(10 + (serial % 40))}`,
    '081-234-5678',
    subdistrict,
    'พ่อหรือแม่เลี้ยงเดี่ยว;คนยากจน',
    '4,500',
  ];
}

export const toCsv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

/** Text as Thai Excel saves "CSV (Comma delimited)": Windows-874. */
export { encodeWindows874 as windows874 } from '../../bench/synth/windows-874';
