import { createHash } from 'node:crypto';
/**
 * The columns of the registry's import templates. A file's header is matched to these by any of
 * the listed spellings (Thai, English or the key), so a template downloaded in either language,
 * or a file whose columns an officer mapped by hand, reads the same.
 */

import type { ImportColumn } from '../../../platform/files/rows';
import { normalizeDocumentNumber } from '../../../../shared/national-id';

export type { ImportColumn };

export const PEOPLE_COLUMNS = [
  {
    key: 'id_number',
    th: 'เลขประจำตัวประชาชน/เลขเอกสาร',
    en: 'National ID or document number',
    required: true,
    hintTh: 'เลข 13 หลัก หรือเลขของเอกสารอื่น',
    hintEn: '13 digits, or the number of the other document',
    aliases: [
      'เลขประจำตัวประชาชน',
      'เลขบัตรประชาชน',
      'เลขบัตรประจำตัวประชาชน',
      'บัตรประชาชน',
      'เลขประชาชน',
      'เลขประจำตัว',
      'เลข 13 หลัก',
      'เลขเอกสาร',
      'national id',
      'citizen id',
      'id card',
      'id card number',
      'id number',
      'id no',
      'id',
      'pid',
      'document number',
    ],
  },
  {
    key: 'doc_type',
    th: 'ประเภทเอกสาร',
    en: 'Document type',
    required: false,
    hintTh: 'ว่างไว้ = เลขประจำตัวประชาชน; หนังสือเดินทาง ฯลฯ',
    hintEn: 'empty = Thai national ID; passport, work permit, …',
    aliases: ['ชนิดเอกสาร', 'ประเภทบัตร', 'document', 'doc type', 'id type'],
  },
  {
    key: 'title',
    th: 'คำนำหน้า',
    en: 'Title',
    required: true,
    hintTh: 'นาย นาง นางสาว …',
    hintEn: 'Mr, Mrs, Miss, …',
    aliases: ['คำนำหน้าชื่อ', 'คำนำ', 'prefix', 'name title'],
  },
  {
    key: 'first_name_th',
    th: 'ชื่อ',
    en: 'First name (Thai)',
    required: true,
    hintTh: 'ชื่อภาษาไทย',
    hintEn: 'in Thai',
    aliases: ['ชื่อจริง', 'ชื่อ (ไทย)', 'ชื่อภาษาไทย', 'first name', 'firstname', 'name', 'given name'],
  },
  {
    key: 'last_name_th',
    th: 'นามสกุล',
    en: 'Last name (Thai)',
    required: true,
    hintTh: 'นามสกุลภาษาไทย',
    hintEn: 'in Thai',
    aliases: ['สกุล', 'นามสกุล (ไทย)', 'นามสกุลภาษาไทย', 'last name', 'lastname', 'surname', 'family name'],
  },
  {
    key: 'first_name_en',
    th: 'ชื่อ (อังกฤษ)',
    en: 'First name (English)',
    required: false,
    hintTh: 'ถ้ามี',
    hintEn: 'if known',
    aliases: ['ชื่อภาษาอังกฤษ', 'first name (en)', 'first name en', 'name (english)'],
  },
  {
    key: 'last_name_en',
    th: 'นามสกุล (อังกฤษ)',
    en: 'Last name (English)',
    required: false,
    hintTh: 'ถ้ามี',
    hintEn: 'if known',
    aliases: ['นามสกุลภาษาอังกฤษ', 'last name (en)', 'last name en', 'surname (english)'],
  },
  { key: 'sex', th: 'เพศ', en: 'Sex', required: true, hintTh: 'ชาย หญิง ไม่ระบุ', hintEn: 'male, female, not stated', aliases: ['เพศสภาพ', 'gender'] },
  {
    key: 'birth_date',
    th: 'วันเกิด',
    en: 'Birth date',
    required: true,
    hintTh: 'วว/ดด/ปปปป พ.ศ. เช่น 05/03/2520',
    hintEn: 'DD/MM/YYYY in B.E., e.g. 05/03/2520',
    aliases: ['วันเดือนปีเกิด', 'วัน/เดือน/ปีเกิด', 'วันเกิด (พ.ศ.)', 'ว/ด/ป เกิด', 'date of birth', 'dob', 'birthday', 'birthdate'],
  },
  {
    key: 'phone',
    th: 'โทรศัพท์',
    en: 'Phone',
    required: false,
    hintTh: 'เช่น 0812345678',
    hintEn: 'e.g. 0812345678',
    aliases: ['เบอร์โทร', 'เบอร์โทรศัพท์', 'หมายเลขโทรศัพท์', 'โทร', 'มือถือ', 'เบอร์มือถือ', 'telephone', 'mobile', 'tel', 'phone number'],
  },
  {
    key: 'house_no',
    th: 'บ้านเลขที่',
    en: 'House number',
    required: false,
    hintTh: 'เช่น 12/3',
    hintEn: 'e.g. 12/3',
    aliases: ['บ้านเลข', 'เลขที่บ้าน', 'ที่อยู่เลขที่', 'house no', 'house number', 'address no'],
  },
  {
    key: 'village_no',
    th: 'หมู่ที่',
    en: 'Village (moo)',
    required: false,
    hintTh: 'ตัวเลข',
    hintEn: 'a number',
    aliases: ['หมู่', 'หมู่บ้านที่', 'ม.', 'moo', 'village', 'village no'],
  },
  {
    key: 'subdistrict_code',
    th: 'รหัสตำบล',
    en: 'Sub-district code',
    required: true,
    hintTh: 'รหัส 6 หลักของกรมการปกครอง',
    hintEn: 'the 6-digit DOPA code',
    aliases: ['รหัสตำบล (6 หลัก)', 'รหัส ตำบล', 'รหัสแขวง', 'รหัสตำบล/แขวง', 'tambon code', 'subdistrict code', 'subdistrict', 'sub-district'],
  },
  {
    key: 'target_groups',
    th: 'กลุ่มเป้าหมาย',
    en: 'Target groups',
    required: false,
    hintTh: 'คั่นด้วย ; เช่น คนยากจน;ผู้สูงอายุ',
    hintEn: 'separated by ; e.g. poor;older-person',
    aliases: ['กลุ่มเป้าหมาย (คั่นด้วย ;)', 'กลุ่ม', 'ประเภทกลุ่มเป้าหมาย', 'target group', 'group'],
  },
  {
    key: 'disability_type',
    th: 'ประเภทความพิการ',
    en: 'Disability type',
    required: false,
    hintTh: 'ข้อมูลอ่อนไหว ต้องมีความยินยอมโดยชัดแจ้ง',
    hintEn: 'sensitive: needs explicit consent',
    aliases: ['ความพิการ', 'ประเภทความพิการ (ถ้ามี)', 'ประเภทคนพิการ', 'disability'],
  },
  {
    key: 'disability_card_no',
    th: 'เลขบัตรคนพิการ',
    en: 'Disability card number',
    required: false,
    hintTh: 'ข้อมูลอ่อนไหว',
    hintEn: 'sensitive',
    aliases: ['เลขบัตรประจำตัวคนพิการ', 'บัตรคนพิการ', 'disability card', 'disability card no'],
  },
  {
    key: 'sensitive_consent',
    th: 'ยินยอมให้เก็บข้อมูลอ่อนไหว',
    en: 'Explicit consent to sensitive data',
    required: false,
    hintTh: 'ใช่/ไม่ใช่',
    hintEn: 'yes/no',
    aliases: ['ยินยอม', 'ความยินยอม', 'ยินยอมข้อมูลอ่อนไหว', 'consent', 'explicit consent'],
  },
  {
    key: 'education',
    th: 'การศึกษา',
    en: 'Education',
    required: false,
    hintTh: 'ประถมศึกษา ม.ต้น ม.ปลาย ปวช./ปวส. ปริญญาตรี …',
    hintEn: 'primary, lower secondary, …',
    aliases: ['ระดับการศึกษา', 'วุฒิการศึกษา', 'การศึกษาสูงสุด', 'วุฒิ', 'education level'],
  },
  {
    key: 'work_status',
    th: 'สถานะการทำงาน',
    en: 'Work status',
    required: false,
    hintTh: 'ว่างงาน มีงานทำ อาชีพอิสระ เกษตรกร …',
    hintEn: 'unemployed, employed, self-employed, …',
    aliases: ['อาชีพ', 'สถานะการทำงานปัจจุบัน', 'การทำงาน', 'occupation', 'employment status', 'employment'],
  },
  {
    key: 'monthly_income',
    th: 'รายได้ต่อเดือน (บาท)',
    en: 'Monthly income (baht)',
    required: false,
    hintTh: 'เช่น 4,500',
    hintEn: 'e.g. 4,500',
    aliases: ['รายได้', 'รายได้ต่อเดือน', 'รายได้เฉลี่ยต่อเดือน', 'income', 'monthly income'],
  },
  {
    key: 'household_size',
    th: 'จำนวนสมาชิกในครัวเรือน',
    en: 'Household size',
    required: false,
    hintTh: 'ตัวเลข',
    hintEn: 'a number',
    aliases: ['สมาชิกในครัวเรือน', 'จำนวนสมาชิก', 'จำนวนคนในครัวเรือน', 'household', 'household members'],
  },
] as const satisfies readonly ImportColumn[];

export type PeopleColumnKey = (typeof PEOPLE_COLUMNS)[number]['key'];

/** A group file has one row per member; the group's own columns repeat on each of its rows. */
export const GROUP_COLUMNS = [
  {
    key: 'group_name',
    th: 'ชื่อกลุ่ม',
    en: 'Group name',
    required: true,
    hintTh: 'ชื่อเต็มของกลุ่ม',
    hintEn: 'full name',
    aliases: ['กลุ่ม', 'ชื่อวิสาหกิจชุมชน', 'group', 'name of group'],
  },
  {
    key: 'group_type',
    th: 'ประเภทกลุ่ม',
    en: 'Group type',
    required: true,
    hintTh: 'วิสาหกิจชุมชน กลุ่มอาชีพอิสระ กลุ่มอาชีพสตรี …',
    hintEn: 'community enterprise, …',
    aliases: ['ประเภท', 'type', 'group type'],
  },
  {
    key: 'registration_no',
    th: 'เลขทะเบียนวิสาหกิจชุมชน',
    en: 'Community enterprise registration number',
    required: false,
    hintTh: 'เฉพาะวิสาหกิจชุมชน',
    hintEn: 'community enterprises only',
    aliases: ['เลขทะเบียน', 'รหัสทะเบียน', 'registration no', 'registration number', 'ce number'],
  },
  {
    key: 'occupation',
    th: 'ประเภทอาชีพ',
    en: 'Occupation category',
    required: true,
    hintTh: 'แปรรูปอาหาร ผ้า หัตถกรรม …',
    hintEn: 'food processing, textiles, …',
    aliases: ['อาชีพ', 'อาชีพของกลุ่ม', 'กิจกรรม', 'occupation'],
  },
  {
    key: 'group_subdistrict_code',
    th: 'รหัสตำบลของกลุ่ม',
    en: "Group's sub-district code",
    required: true,
    hintTh: 'รหัส 6 หลัก',
    hintEn: '6 digits',
    aliases: ['รหัสตำบล', 'ตำบลของกลุ่ม (รหัส)', 'subdistrict code', 'tambon code'],
  },
  {
    key: 'founded_on',
    th: 'วันที่ก่อตั้ง',
    en: 'Founded on',
    required: false,
    hintTh: 'วว/ดด/ปปปป พ.ศ.',
    hintEn: 'DD/MM/YYYY in B.E.',
    aliases: ['วันก่อตั้ง', 'ก่อตั้ง', 'วันจดทะเบียน', 'founded', 'established'],
  },
  {
    key: 'contact_phone',
    th: 'โทรศัพท์ติดต่อกลุ่ม',
    en: 'Group phone',
    required: false,
    hintTh: '',
    hintEn: '',
    aliases: ['โทรศัพท์', 'เบอร์โทร', 'เบอร์ติดต่อ', 'phone', 'telephone'],
  },
  {
    key: 'member_id_number',
    th: 'เลขประจำตัวประชาชนสมาชิก',
    en: "Member's national ID or document number",
    required: true,
    hintTh: 'ต้องลงทะเบียนบุคคลไว้ก่อน',
    hintEn: 'the person must be registered first',
    aliases: ['เลขประจำตัวประชาชน', 'เลขบัตรประชาชนสมาชิก', 'เลขบัตรประชาชน', 'บัตรประชาชน', 'member id', 'national id', 'id'],
  },
  {
    key: 'member_role',
    th: 'บทบาทในกลุ่ม',
    en: 'Role in the group',
    required: false,
    hintTh: 'ประธาน กรรมการ สมาชิก (ว่าง = สมาชิก)',
    hintEn: 'leader, committee, member (empty = member)',
    aliases: ['บทบาท', 'ตำแหน่ง', 'ตำแหน่งในกลุ่ม', 'role', 'position'],
  },
  {
    key: 'joined_on',
    th: 'วันที่เข้าร่วม',
    en: 'Joined on',
    required: false,
    hintTh: 'วว/ดด/ปปปป พ.ศ.',
    hintEn: 'DD/MM/YYYY in B.E.',
    aliases: ['วันเข้าร่วม', 'วันที่เป็นสมาชิก', 'joined', 'member since'],
  },
] as const satisfies readonly ImportColumn[];

export type GroupColumnKey = (typeof GROUP_COLUMNS)[number]['key'];

export type ImportKind = 'people' | 'groups';

export const columnsOf = (kind: ImportKind): readonly ImportColumn[] => (kind === 'people' ? PEOPLE_COLUMNS : GROUP_COLUMNS);

export interface ImportSummary {
  rows: number;
  valid: number;
  rejected: number;
  errors: number;
  inserted: number;
  updated: number;
  unchanged: number;
  existing: number;
  /** Rows imported with a problem in an optional cell (left empty). */
  warned: number;
  warnings: number;
  /** Rows rejected because their document repeats an earlier line. */
  duplicates: number;
}

/** The template column that feeds a database column. */
export function optionalKey(column: string): string {
  return column === 'monthly_income_satang' ? 'monthly_income' : column;
}

/** The document a row names, to find repeats within one file. */
/**
 * How an import file's documents are remembered for erasure (`import_subject`): the SHA-256 of the
 * number in the form every path compares (`normalizeDocumentNumber`), whatever its type.
 */
export function importSubjectHash(docNumber: string): string | null {
  const normalised = normalizeDocumentNumber('other', docNumber);
  return normalised ? createHash('sha256').update(`archeep-import-subject:${normalised}`).digest('hex') : null;
}

/** The hashes of the documents a file's rows name (people: the person's; groups: the member's). */
export function subjectHashOf(kind: ImportKind, cells: readonly string[], mapping: Record<string, number>): string | null {
  return importSubjectHash(cells[(kind === 'people' ? mapping.id_number : mapping.member_id_number) ?? -1] ?? '');
}

export function documentKey(kind: ImportKind, cells: readonly string[], mapping: Record<string, number>): string | null {
  if (kind === 'groups') {
    const group =
      (cells[mapping.registration_no ?? -1] ?? '').trim() ||
      `${(cells[mapping.group_subdistrict_code ?? -1] ?? '').trim()}|${(cells[mapping.group_name ?? -1] ?? '').trim()}`;
    const member = normalizeDocumentNumber('other', cells[mapping.member_id_number ?? -1] ?? '');
    return member ? `${group}|${member}` : null;
  }
  const id = normalizeDocumentNumber('other', cells[mapping.id_number ?? -1] ?? '');
  return id ? `${(cells[mapping.doc_type ?? -1] ?? '').trim()}|${id}` : null;
}

/** Who started an import, as the job that runs it later needs to know. */
export interface ImportActor {
  userId: string;
  username: string;
  displayName: string;
  unitCode: string | null;
  provinces: string[] | null;
}

export interface ImportOptions {
  batchSize?: number;
  /** Batches written at once (each on its own connection); PGlite has one connection, so 1. */
  concurrency?: number;
  /** Tests only: act out a process that dies after this many committed batches. */
  crashAfterBatches?: number;
}
