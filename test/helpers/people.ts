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
import { encodeWindows874 } from '../../bench/synth/windows-874';

/**
 * A people file as a provincial office's Excel saves it (Windows-874): its own header words (the
 * bare ID header, หมู่ without ที่, a running-number column the import ignores), the short labels
 * people write for target groups, titles, sex, education and work, a disability column kept under
 * a legal duty, some optional cells wrong (warnings) and ten rows wrong in ten different ways.
 */
export function officeFile(rows: number, firstSerial: number) {
  const header = [
    'ลำดับที่',
    'เลขประจำตัวประชาชน',
    'คำนำหน้าชื่อ',
    'ชื่อ',
    'สกุล',
    'เพศ',
    'วัน/เดือน/ปีเกิด',
    'เบอร์โทร',
    'บ้านเลขที่',
    'หมู่',
    'รหัส ตำบล',
    'กลุ่มเป้าหมาย',
    'ระดับการศึกษา',
    'อาชีพ',
    'ความพิการ',
    'รายได้เฉลี่ยต่อเดือน',
  ];
  const women = [
    ['นาง', 'หญิง'],
    ['น.ส.', 'ญ'],
    ['นางสาว', 'F'],
    ['Mrs', 'หญิง'],
    ['นาง สาว', 'ญ'],
  ];
  const men = [
    ['นาย', 'ชาย'],
    ['Mr.', 'ช'],
    ['นาย', 'M'],
  ];
  const labels = [
    'สตรี',
    'แรงงานนอกระบบ',
    'พ่อแม่เลี้ยงเดี่ยว',
    'ผู้สูงอายุ',
    'กลุ่มผู้สูงอายุ',
    'ยากจน',
    'แม่เลี้ยงเดี่ยว',
    'ว่างงาน',
    'เยาวชน',
    'แรงงาน นอกระบบ',
    'สตรี; ผู้มีรายได้น้อย',
    'Single parent',
    'กลุ่มสตรี',
    '',
  ];
  const education = ['ป.6', 'ม.3', 'ม.6', 'ปวช.', 'ป.ตรี', 'ประถม', 'มัธยมศึกษาตอนปลาย', ''];
  const work = ['รับจ้าง', 'ค้าขาย', 'เกษตรกร', 'ว่างงาน', 'ทำนา', 'อาชีพอิสระ'];
  const disability = ['ร่างกาย', 'การเห็น', '3'];
  const firstNames = ['สมศรี', 'มาลี', 'บุญมี', 'ประไพ', 'จันทร์เพ็ญ', 'สมชาย', 'ทองดี'];
  const cells: string[][] = [];
  const warned = new Set<number>();
  const disabled = new Set<number>();
  let unknownLabel = 0;
  for (let i = 0; i < rows; i++) {
    const serial = firstSerial + i;
    const [title, sex] = i % 3 === 0 ? men[i % men.length]! : women[i % women.length]!;
    const isDisabled = i % 10 === 7;
    let label = isDisabled ? 'คนพิการ' : labels[i % labels.length]!;
    if (i % 113 === 50) {
      label = 'นักบินอวกาศ';
      warned.add(i);
      unknownLabel++;
    }
    const phone = i % 97 === 5 ? '12345' : i % 4 === 0 ? '' : '081-234-5678';
    if (phone === '12345') warned.add(i);
    if (isDisabled) disabled.add(i);
    cells.push([
      String(i + 1),
      nationalId(serial, 1),
      title!,
      firstNames[i % firstNames.length]!,
      `แสงทอง${serial}`.replace(/\d/g, (d) => 'กขคงจฉชซฌญ'[Number(d)]!),
      sex!,
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/25${10 + (i % 40)}`,
      phone,
      `${(i % 200) + 1}/${i % 7}`,
      String((i % 12) + 1),
      '400101',
      label,
      education[i % education.length]!,
      work[i % work.length]!,
      isDisabled ? disability[i % disability.length]! : '',
      i % 5 === 0 ? '' : i % 2 ? '4,500' : '12000',
    ]);
  }
  // Ten rows wrong in ten ways, each in one cell: [row index, column key, reason code, spoil].
  const spoil: [number, string, string, (r: string[]) => void][] = [
    [10, 'id_number', 'invalid-national-id', (r) => (r[1] = badChecksum(r[1]!))],
    [55, 'first_name_th', 'missing-value', (r) => (r[3] = '')],
    [120, 'birth_date', 'invalid-date', (r) => (r[6] = '31/02/2530')],
    [230, 'birth_date', 'future-date', (r) => (r[6] = '01/01/2600')],
    [340, 'subdistrict_code', 'unknown-subdistrict', (r) => (r[10] = '999999')],
    [450, 'subdistrict_code', 'out-of-scope', (r) => (r[10] = '830101')],
    [560, 'phone', 'formula', (r) => (r[7] = '=HYPERLINK("http://example.com")')],
    [670, 'title', 'invalid-title', (r) => (r[2] = 'ท่านขุน')],
    [780, 'sex', 'invalid-sex', (r) => (r[5] = 'อื่น')],
    [901, 'id_number', 'duplicate-in-file', (r) => (r[1] = cells[899]![1]!)],
  ];
  for (const [index, , , change] of spoil) {
    change(cells[index]!);
    warned.delete(index);
    disabled.delete(index);
  }
  return {
    bytes: encodeWindows874(toCsv([header, ...cells])),
    /** [line, column, code] of each bad row; line 1 is the header. */
    bad: spoil.map(([index, column, code]) => [index + 2, column, code] as [number, string, string]),
    repeatsLine: 899 + 2,
    unknownLabel,
    warnedRows: warned.size,
    disabled: disabled.size,
  };
}
