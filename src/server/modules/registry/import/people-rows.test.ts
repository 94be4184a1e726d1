import { describe, expect, it } from 'vitest';
import { nationalIdCheckDigit } from '../../../../shared/national-id';
import { PEOPLE_COLUMNS } from './columns';
import { readCsv } from '../../../platform/files/csv';
import { decodeCsvBytes, FileProblem } from '../../../platform/files/decode';
import { valueResolver } from './values';
import { readPersonRow, type PeopleRowContext } from './people-rows';
import { mapHeader, normalizePhone } from '../../../platform/files/rows';

const id = (n: number) => {
  const first12 = `1${String(n).padStart(11, '0')}`;
  return first12 + nationalIdCheckDigit(first12);
};
const ctx: PeopleRowContext = {
  subdistricts: new Map([
    ['400101', { districtCode: '4001', provinceCode: '40' }],
    ['830101', { districtCode: '8301', provinceCode: '83' }],
  ]),
  values: valueResolver([
    { code: 'poor', th: 'คนยากจน', en: 'Poor people', aliases: ['ยากจน', 'รายได้น้อย'] },
    { code: 'disability', th: 'คนพิการ', en: 'Persons with disabilities', aliases: ['ผู้พิการ'] },
    { code: 'single-parent', th: 'พ่อหรือแม่เลี้ยงเดี่ยว', en: 'Single parents', aliases: ['พ่อแม่เลี้ยงเดี่ยว'] },
  ]),
  sensitiveTargetGroups: new Set(['disability']),
  scope: new Set(['40']),
  today: '2026-11-23',
};
const header = PEOPLE_COLUMNS.map((c) => c.key);
const { mapping } = mapHeader(header, PEOPLE_COLUMNS);
const good: Record<string, string> = {
  id_number: id(1),
  doc_type: '',
  title: 'นาง',
  first_name_th: 'มาลี',
  last_name_th: 'ใจดี',
  first_name_en: 'Malee',
  last_name_en: 'Jaidee',
  sex: 'หญิง',
  birth_date: '05/03/2520',
  phone: '081-234-5678',
  house_no: '12/3',
  village_no: '4',
  subdistrict_code: '400101',
  target_groups: 'คนยากจน',
  disability_type: '',
  disability_card_no: '',
  sensitive_consent: '',
  education: 'ประถมศึกษา',
  work_status: 'ว่างงาน',
  monthly_income: '4,500',
  household_size: '3',
};
const read = (changes: Record<string, string>) =>
  readPersonRow(
    header.map((k) => changes[k] ?? good[k]!),
    7,
    mapping,
    ctx,
  );
const codes = (changes: Record<string, string>) => {
  const result = read(changes);
  return 'errors' in result ? result.errors.map((e) => `${e.column}:${e.code}`) : [];
};
const warnings = (changes: Record<string, string>) => {
  const result = read(changes);
  return 'warnings' in result ? result.warnings.map((e) => `${e.column}:${e.code}`) : ['rejected'];
};

describe('reading a row of a people file', () => {
  it('reads a good row into a record, B.E. to C.E. and baht to satang', () => {
    const result = read({});
    expect(result).toMatchObject({
      record: {
        line: 7,
        docType: 'th-id',
        title: 'mrs',
        sex: 'female',
        birthDate: '1977-03-05',
        phone: '0812345678',
        villageNo: 4,
        provinceCode: '40',
        districtCode: '4001',
        targetGroups: ['poor'],
        education: 'primary',
        workStatus: 'unemployed',
        monthlyIncomeSatang: 450000,
        householdSize: 3,
      },
    });
  });

  it.each([
    [{ id_number: '1234567890123' }, 'id_number:invalid-national-id'],
    [{ doc_type: 'ใบขับขี่อวกาศ' }, 'doc_type:invalid-document-type'],
    [{ doc_type: 'หนังสือเดินทาง', id_number: '!!' }, 'id_number:invalid-document-number'],
    [{ first_name_th: '' }, 'first_name_th:missing-value'],
    [{ first_name_th: 'มาลี2' }, 'first_name_th:invalid-name'],
    [{ last_name_th: 'ก'.repeat(101) }, 'last_name_th:too-long'],
    [{ title: 'ท่านขุน' }, 'title:invalid-title'],
    [{ sex: 'อื่น' }, 'sex:invalid-sex'],
    [{ birth_date: '31/02/2520' }, 'birth_date:invalid-date'],
    [{ birth_date: '05/03/1977' }, 'birth_date:invalid-date'],
    [{ birth_date: '01/01/2600' }, 'birth_date:future-date'],
    [{ birth_date: '01/01/2400' }, 'birth_date:implausible-date'],
    [{ subdistrict_code: '999999' }, 'subdistrict_code:unknown-subdistrict'],
    [{ subdistrict_code: '830101' }, 'subdistrict_code:out-of-scope'],
    [{ phone: '=HYPERLINK("http://x")' }, 'phone:formula'],
  ])('refuses %o with %s', (changes, expected) => {
    expect(codes(changes)).toEqual([expected]);
  });

  it.each([
    [{ phone: '12345' }, 'phone:invalid-phone', { phone: null }],
    [{ village_no: 'สี่' }, 'village_no:invalid-number', { villageNo: null }],
    [{ target_groups: 'นักบินอวกาศ;คนยากจน' }, 'target_groups:unknown-target-group', { targetGroups: ['poor'] }],
    [{ target_groups: 'คนพิการ' }, 'target_groups:sensitive-without-basis', { targetGroups: [] }],
    [{ disability_type: 'การเคลื่อนไหว' }, 'disability_type:sensitive-without-basis', { disabilityType: null }],
    [{ disability_type: 'ไม่รู้', sensitive_consent: 'ใช่' }, 'disability_type:invalid-disability-type', { disabilityType: null }],
    [{ sensitive_consent: 'อาจจะ' }, 'sensitive_consent:invalid-yes-no', { sensitiveBasis: null }],
    [{ education: 'ปริญญาเอกสองใบ' }, 'education:invalid-education', { education: null }],
    [{ work_status: 'นักบิน' }, 'work_status:invalid-work-status', { workStatus: null }],
    [{ monthly_income: 'ห้าพัน' }, 'monthly_income:invalid-amount', { monthlyIncomeSatang: null }],
    [{ household_size: '0' }, 'household_size:invalid-number', { householdSize: null }],
  ])('imports %o with the warning %s, leaving the cell empty', (changes, expected, record) => {
    expect(warnings(changes)).toEqual([expected]);
    expect(read(changes)).toMatchObject({ record });
  });

  it('reads the short labels and abbreviations offices write', () => {
    expect(read({ title: 'น.ส.', sex: 'ญ', target_groups: 'ยากจน, พ่อแม่เลี้ยงเดี่ยว', education: 'ม.3', work_status: 'อาชีพอิสระ' })).toMatchObject({
      record: { title: 'miss', sex: 'female', targetGroups: ['poor', 'single-parent'], education: 'lower-secondary', workStatus: 'self-employed' },
      warnings: [],
    });
  });

  it('keeps disability data under a lawful basis declared for the whole file', () => {
    const declared = readPersonRow(
      header.map((k) => ({ disability_type: 'ร่างกาย', target_groups: 'ผู้พิการ' })[k as string] ?? good[k]!),
      9,
      mapping,
      { ...ctx, lawfulBasis: { basis: 'legal-obligation', evidence: 'ทะเบียนคนพิการ พ.ร.บ.ส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ' } },
    );
    expect(declared).toMatchObject({ record: { disabilityType: 'physical', sensitiveBasis: 'legal-obligation', targetGroups: ['disability'] }, warnings: [] });
  });

  it('reports every error of a row, each in Thai and English with its column', () => {
    const result = read({ title: '', sex: 'x?', birth_date: 'abc' });
    expect('errors' in result && result.errors.map((e) => e.column)).toEqual(['title', 'sex', 'birth_date']);
    if ('errors' in result) {
      expect(result.errors[0]!.th).toContain('คำนำหน้า');
      expect(result.errors[0]!.en).toContain('Title');
      expect(result.errors.every((e) => e.line === 7)).toBe(true);
    }
  });

  it('keeps disability data when the row states explicit consent', () => {
    expect(read({ disability_type: '3', disability_card_no: 'D-1', sensitive_consent: 'ใช่', target_groups: 'คนพิการ' })).toMatchObject({
      record: { disabilityType: 'physical', sensitiveBasis: 'explicit-consent', targetGroups: ['disability'] },
    });
  });
});

describe('matching a file’s header', () => {
  it('matches the headers offices write: with and without ที่ or เลขที่, spaces, English', () => {
    const header = ['ลำดับที่', 'เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'สกุล', 'เพศ', 'วัน/เดือน/ปีเกิด', 'เบอร์โทร', 'บ้าน เลขที่', 'หมู่', 'รหัส ตำบล', 'กลุ่ม เป้าหมาย'];
    const { mapping, unmatched, missing } = mapHeader(header, PEOPLE_COLUMNS);
    expect(mapping).toEqual({
      id_number: 1,
      title: 2,
      first_name_th: 3,
      last_name_th: 4,
      sex: 5,
      birth_date: 6,
      phone: 7,
      house_no: 8,
      village_no: 9,
      subdistrict_code: 10,
      target_groups: 11,
    });
    expect(unmatched).toEqual(['ลำดับที่']);
    expect(missing).toEqual([]);
    for (const variant of ['หมู่ที่', 'หมู่ ที่', 'Moo', 'village no.']) expect(mapHeader([variant], PEOPLE_COLUMNS).mapping, variant).toEqual({ village_no: 0 });
    for (const variant of ['เลขบัตรประชาชน', 'เลขที่บัตรประชาชน', 'Citizen ID', 'เลขประจำตัวประชาชน/เลขเอกสาร', 'ID card number'])
      expect(mapHeader([variant], PEOPLE_COLUMNS).mapping, variant).toEqual({ id_number: 0 });
    // A label of one column wins over another column's alias.
    expect(mapHeader(['ชื่อ', 'First name (English)'], PEOPLE_COLUMNS).mapping).toEqual({ first_name_th: 0, first_name_en: 1 });
  });
});

describe('reading a file', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, counting lines', () => {
    const records = [...readCsv('a,b\r\n"x, y","he said ""hi"""\r\n"two\nlines",z\r\n\r\nlast,1\r\n')];
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'he said "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 6, cells: ['last', '1'] },
    ]);
  });

  it('tells UTF-8, UTF-8 with BOM and Windows-874 apart, and refuses what is neither', () => {
    expect(decodeCsvBytes(Buffer.from('ชื่อ,x')).encoding).toBe('utf-8');
    expect(decodeCsvBytes(Buffer.from('\uFEFFชื่อ,x')).encoding).toBe('utf-8-bom');
    expect(decodeCsvBytes(Buffer.from([0xaa, 0xd7, 0xe8, 0xcd, 0x2c, 0x78]))).toEqual({ text: 'ชื่อ,x', encoding: 'windows-874' });
    expect(() => decodeCsvBytes(Buffer.from([0x61, 0x0a, 0xfc, 0xfd, 0xfe]))).toThrow(FileProblem);
    expect(() => decodeCsvBytes(Buffer.from([0x61, 0x0a, 0xfc, 0xfd, 0xfe]))).toThrow(/line 2/);
  });

  it('normalises Thai phone numbers as people write them', () => {
    expect(['081-234-5678', '+66 81 234 5678', '๐๘๑๒๓๔๕๖๗๘', '02 123 4567'].map(normalizePhone)).toEqual([
      '0812345678',
      '0812345678',
      '0812345678',
      '021234567',
    ]);
  });
});
