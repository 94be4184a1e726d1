import { Alert, Anchor, Badge, Box, Button, Checkbox, Code, FileInput, Group, List, Paper, Progress, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { api, ApiProblem, unwrap, type FieldProblem } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { fill, useLanguage, useText } from './text';

type Import = components['schemas']['Import'];
type Summary = NonNullable<Import['dryRun']>;
type Kind = Import['kind'];
type Status = Import['status'];
type Phase = 'dry-run' | 'import';

/**
 * The template's column keys, in the template's order. Their labels live in TEXT below (`c_<key>`);
 * the API names only the required columns that are still unmapped, so which are required is kept here.
 */
const KEYS: Record<Kind, readonly string[]> = {
  people: [
    'id_number', 'doc_type', 'title', 'first_name_th', 'last_name_th', 'first_name_en', 'last_name_en', 'sex', 'birth_date', 'phone', 'house_no', 'village_no',
    'subdistrict_code', 'target_groups', 'disability_type', 'disability_card_no', 'sensitive_consent', 'education', 'work_status', 'monthly_income', 'household_size',
  ],
  groups: ['group_name', 'group_type', 'registration_no', 'occupation', 'group_subdistrict_code', 'founded_on', 'contact_phone', 'member_id_number', 'member_role', 'joined_on'],
};
const REQUIRED = new Set([
  'id_number', 'title', 'first_name_th', 'last_name_th', 'sex', 'birth_date', 'subdistrict_code',
  'group_name', 'group_type', 'occupation', 'group_subdistrict_code', 'member_id_number',
]);

const TEXT = {
  th: {
    title: 'นำเข้าข้อมูลจากไฟล์',
    intro: 'รับไฟล์ CSV (UTF-8 หรือ Windows-874 ที่ Excel ภาษาไทยบันทึก) และไฟล์ Excel (.xlsx) ระบบตรวจทุกแถวก่อนบันทึก และนำเข้าไฟล์เดิมซ้ำได้โดยไม่เกิดข้อมูลซ้ำ',
    choose: 'เลือกข้อมูลและไฟล์', what: 'นำเข้าข้อมูลอะไร', people: 'บุคคล', groups: 'กลุ่มอาชีพและสมาชิก',
    peopleHint: 'หนึ่งแถวต่อหนึ่งคน', groupsHint: 'หนึ่งแถวต่อสมาชิกหนึ่งคน สมาชิกต้องลงทะเบียนบุคคลไว้ก่อน',
    templates: 'ดาวน์โหลดแบบฟอร์ม', templatesHint: 'กรอกข้อมูลในแบบฟอร์ม ระบบจะจับคู่คอลัมน์ให้เอง',
    xlsxTh: 'แบบฟอร์ม Excel ภาษาไทย', xlsxEn: 'แบบฟอร์ม Excel ภาษาอังกฤษ', csvTh: 'แบบฟอร์ม CSV ภาษาไทย', csvEn: 'แบบฟอร์ม CSV ภาษาอังกฤษ',
    file: 'ไฟล์ที่จะนำเข้า', fileHint: 'ไฟล์ .csv หรือ .xlsx ขนาดไม่เกิน 256 MB', filePlaceholder: 'เลือกไฟล์', clearFile: 'ล้างไฟล์ที่เลือก',
    tooBig: 'ไฟล์ใหญ่เกิน 256 MB กรุณาแบ่งเป็นหลายไฟล์', wrongType: 'รับเฉพาะไฟล์ .csv หรือ .xlsx', upload: 'อัปโหลดและอ่านไฟล์',
    uploadFailed: 'อัปโหลดไม่สำเร็จ', uploadAnswered: 'ระบบตอบกลับด้วยรหัส {status}', uploadTooLarge: 'ไฟล์ใหญ่เกินกว่าที่ระบบรับได้ (256 MB) กรุณาแบ่งเป็นหลายไฟล์',
    details: 'ไฟล์ที่อัปโหลด', fileName: 'ชื่อไฟล์', kind: 'ชนิดข้อมูล', encoding: 'การเข้ารหัส', rows: 'จำนวนแถวข้อมูล', size: 'ขนาดไฟล์', status: 'สถานะ', uploadedAt: 'อัปโหลดเมื่อ',
    enc_xlsx: 'ไฟล์ Excel (.xlsx)', enc_utf8: 'UTF-8', enc_utf8bom: 'UTF-8 (มี BOM)', enc_windows874: 'Windows-874 (ภาษาไทย, Excel)', enc_utf16: 'UTF-16',
    s_uploaded: 'อัปโหลดแล้ว', s_validating: 'กำลังตรวจ', s_validated: 'ตรวจแล้ว', s_importing: 'กำลังนำเข้า', s_completed: 'เสร็จสิ้น', s_failed: 'ไม่สำเร็จ',
    mapping: 'จับคู่คอลัมน์', mappingHint: 'เลือกคอลัมน์ในไฟล์ที่ตรงกับข้อมูลแต่ละรายการ รายการที่มีป้าย "ต้องมี" ต้องจับคู่ให้ครบก่อนตรวจหรือนำเข้า',
    missing: 'ยังไม่ได้จับคู่คอลัมน์ที่ต้องมี: {names}', allMapped: 'จับคู่คอลัมน์ที่ต้องมีครบแล้ว',
    field: 'ข้อมูล', fileColumn: 'คอลัมน์ในไฟล์', required: 'ต้องมี', optional: 'ไม่บังคับ', notMapped: 'ไม่ได้จับคู่', noHeader: '(ไม่มีชื่อคอลัมน์)',
    showAll: 'แสดงทุกคอลัมน์ของแบบฟอร์ม (รวมคอลัมน์ที่ไม่บังคับ)', saveMapping: 'บันทึกการจับคู่', undoMapping: 'ยกเลิกการเปลี่ยนแปลง',
    unsaved: 'การจับคู่ยังไม่ได้บันทึก กรุณาบันทึกก่อนตรวจหรือนำเข้า', mappingSaved: 'บันทึกการจับคู่แล้ว ผลการตรวจครั้งก่อน (ถ้ามี) ถูกล้าง',
    steps: 'ตรวจและนำเข้า', dryRun: 'ตรวจทุกแถว (ยังไม่บันทึก)', commit: 'นำเข้าข้อมูล',
    stepsHint: 'การตรวจไม่บันทึกข้อมูลใด ๆ การนำเข้าบันทึกเฉพาะแถวที่ถูกต้องและข้ามแถวที่ไม่ผ่าน จะตรวจก่อนหรือนำเข้าเลยก็ได้',
    needMapping: 'จับคู่คอลัมน์ที่ต้องมีให้ครบก่อน จึงจะตรวจหรือนำเข้าได้', failedHint: 'ครั้งก่อนทำไม่สำเร็จ กรุณาตรวจทุกแถวอีกครั้ง แล้วจึงนำเข้า ระบบจะทำต่อจากส่วนที่บันทึกไว้แล้ว',
    progressChecking: 'ความคืบหน้าการตรวจ', progressImporting: 'ความคืบหน้าการนำเข้า', progressText: 'ดำเนินการแล้ว {done} จาก {total} แถว',
    failed: 'ทำงานไม่สำเร็จ', failedDetail: 'ระบบหยุดทำงานก่อนเสร็จ', done: 'นำเข้าเรียบร้อยแล้ว', openPeople: 'ไปที่ทะเบียนบุคคล', openGroups: 'ไปที่กลุ่มอาชีพ',
    checked: 'ผลการตรวจ', checkedNote: 'การตรวจยังไม่ได้บันทึกข้อมูลใดลงทะเบียน', imported: 'ผลการนำเข้า',
    n_rows: 'แถวทั้งหมด', n_valid: 'ถูกต้อง', n_rejected: 'ไม่ผ่าน', n_inserted: 'เพิ่มใหม่', n_updated: 'ปรับปรุง', n_unchanged: 'ไม่เปลี่ยนแปลง',
    n_existing: 'มีในทะเบียนแล้ว (จะปรับปรุง)', n_new: 'จะเพิ่มใหม่',
    errorsDryRun: 'แถวที่ไม่ผ่านการตรวจ', errorsImport: 'แถวที่ไม่ได้นำเข้า', errorCount: 'พบข้อผิดพลาด {errors} รายการ ใน {rows} แถว',
    firstShown: 'แสดง {shown} รายการแรก ดาวน์โหลดรายงานเพื่อดูทั้งหมดและแก้ไขใน Excel',
    line: 'บรรทัด', column: 'คอลัมน์', value: 'ค่าในไฟล์', reason: 'เหตุผล', empty: '(ว่าง)',
    reportCsv: 'ดาวน์โหลดรายงานแถวที่ไม่ผ่าน (CSV)', reportXlsx: 'ดาวน์โหลดรายงานแถวที่ไม่ผ่าน (Excel)',
    recent: 'การนำเข้าล่าสุดของคุณ', none: 'ยังไม่มีการนำเข้า', date: 'วันที่', view: 'เปิดดู', open: 'เปิด', openNamed: 'เปิด {name}', showing: 'กำลังแสดง',
    c_id_number: 'เลขประจำตัวประชาชน/เลขเอกสาร', c_doc_type: 'ประเภทเอกสาร', c_title: 'คำนำหน้า', c_first_name_th: 'ชื่อ', c_last_name_th: 'นามสกุล',
    c_first_name_en: 'ชื่อ (อังกฤษ)', c_last_name_en: 'นามสกุล (อังกฤษ)', c_sex: 'เพศ', c_birth_date: 'วันเกิด', c_phone: 'โทรศัพท์', c_house_no: 'บ้านเลขที่',
    c_village_no: 'หมู่ที่', c_subdistrict_code: 'รหัสตำบล', c_target_groups: 'กลุ่มเป้าหมาย', c_disability_type: 'ประเภทความพิการ', c_disability_card_no: 'เลขบัตรคนพิการ',
    c_sensitive_consent: 'ยินยอมให้เก็บข้อมูลอ่อนไหว', c_education: 'การศึกษา', c_work_status: 'สถานะการทำงาน', c_monthly_income: 'รายได้ต่อเดือน (บาท)',
    c_household_size: 'จำนวนสมาชิกในครัวเรือน', c_group_name: 'ชื่อกลุ่ม', c_group_type: 'ประเภทกลุ่ม', c_registration_no: 'เลขทะเบียนวิสาหกิจชุมชน',
    c_occupation: 'ประเภทอาชีพ', c_group_subdistrict_code: 'รหัสตำบลของกลุ่ม', c_founded_on: 'วันที่ก่อตั้ง', c_contact_phone: 'โทรศัพท์ติดต่อกลุ่ม',
    c_member_id_number: 'เลขประจำตัวประชาชนสมาชิก', c_member_role: 'บทบาทในกลุ่ม', c_joined_on: 'วันที่เข้าร่วม',
  },
  en: {
    title: 'Import from a file',
    intro: 'CSV (UTF-8, or Windows-874 as Thai Excel saves it) and Excel (.xlsx) files. Every row is checked before anything is written, and importing a file again adds nothing twice.',
    choose: 'Choose the data and the file', what: 'What to import', people: 'People', groups: 'Occupation groups and members',
    peopleHint: 'One row per person', groupsHint: 'One row per member; members must be registered as people first',
    templates: 'Download the template', templatesHint: 'Fill in the template and its columns are matched for you',
    xlsxTh: 'Excel template, Thai', xlsxEn: 'Excel template, English', csvTh: 'CSV template, Thai', csvEn: 'CSV template, English',
    file: 'File to import', fileHint: 'A .csv or .xlsx file of up to 256 MB', filePlaceholder: 'Choose a file', clearFile: 'Clear the chosen file',
    tooBig: 'The file is larger than 256 MB; split it into several files', wrongType: 'Only .csv and .xlsx files are accepted', upload: 'Upload and read the file',
    uploadFailed: 'The upload failed', uploadAnswered: 'The server answered {status}.', uploadTooLarge: 'The file is larger than the server accepts (256 MB); split it into several files.',
    details: 'Uploaded file', fileName: 'File name', kind: 'Data', encoding: 'Encoding', rows: 'Data rows', size: 'Size', status: 'Status', uploadedAt: 'Uploaded',
    enc_xlsx: 'Excel file (.xlsx)', enc_utf8: 'UTF-8', enc_utf8bom: 'UTF-8 (with BOM)', enc_windows874: 'Windows-874 (Thai, from Excel)', enc_utf16: 'UTF-16',
    s_uploaded: 'Uploaded', s_validating: 'Checking', s_validated: 'Checked', s_importing: 'Importing', s_completed: 'Completed', s_failed: 'Failed',
    mapping: 'Column mapping', mappingHint: 'Choose the column of the file that holds each field. Fields marked "Required" must be mapped before checking or importing.',
    missing: 'Required columns not mapped yet: {names}', allMapped: 'Every required column is mapped',
    field: 'Field', fileColumn: 'Column in the file', required: 'Required', optional: 'Optional', notMapped: 'Not mapped', noHeader: '(no column name)',
    showAll: 'Show every column of the template (optional ones too)', saveMapping: 'Save the mapping', undoMapping: 'Undo the changes',
    unsaved: 'The mapping is not saved yet; save it before checking or importing', mappingSaved: 'Mapping saved; any earlier check was cleared',
    steps: 'Check and import', dryRun: 'Check every row (dry run)', commit: 'Import',
    stepsHint: 'Checking writes nothing. Importing writes the valid rows and skips the rejected ones. You may import with or without checking first.',
    needMapping: 'Map every required column before checking or importing', failedHint: 'The last run did not finish. Check every row again, then import; the import carries on from what was already saved.',
    progressChecking: 'Checking progress', progressImporting: 'Import progress', progressText: '{done} of {total} rows done',
    failed: 'The run failed', failedDetail: 'The work stopped before it finished', done: 'The import is complete', openPeople: 'Go to the people register', openGroups: 'Go to occupation groups',
    checked: 'Check results', checkedNote: 'Nothing has been written to the register by the check', imported: 'Import results',
    n_rows: 'Rows', n_valid: 'Valid', n_rejected: 'Rejected', n_inserted: 'Added', n_updated: 'Updated', n_unchanged: 'Unchanged',
    n_existing: 'Already registered (to be updated)', n_new: 'To be added',
    errorsDryRun: 'Rows rejected by the check', errorsImport: 'Rows not imported', errorCount: 'Problems: {errors}, on {rows} row(s)',
    firstShown: 'The first {shown} are shown; download the report to see them all and fix them in Excel',
    line: 'Line', column: 'Column', value: 'Value in the file', reason: 'Reason', empty: '(empty)',
    reportCsv: 'Download the rejected rows (CSV)', reportXlsx: 'Download the rejected rows (Excel)',
    recent: 'Your recent imports', none: 'No imports yet', date: 'Date', view: 'View', open: 'Open', openNamed: 'Open {name}', showing: 'Showing',
    c_id_number: 'National ID or document number', c_doc_type: 'Document type', c_title: 'Title', c_first_name_th: 'First name (Thai)', c_last_name_th: 'Last name (Thai)',
    c_first_name_en: 'First name (English)', c_last_name_en: 'Last name (English)', c_sex: 'Sex', c_birth_date: 'Birth date', c_phone: 'Phone', c_house_no: 'House number',
    c_village_no: 'Village (moo)', c_subdistrict_code: 'Sub-district code', c_target_groups: 'Target groups', c_disability_type: 'Disability type', c_disability_card_no: 'Disability card number',
    c_sensitive_consent: 'Explicit consent to sensitive data', c_education: 'Education', c_work_status: 'Work status', c_monthly_income: 'Monthly income (baht)',
    c_household_size: 'Household size', c_group_name: 'Group name', c_group_type: 'Group type', c_registration_no: 'Community enterprise registration number',
    c_occupation: 'Occupation category', c_group_subdistrict_code: "Group's sub-district code", c_founded_on: 'Founded on', c_contact_phone: 'Group phone',
    c_member_id_number: "Member's national ID or document number", c_member_role: 'Role in the group', c_joined_on: 'Joined on',
  },
};
type Words = typeof TEXT.th;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 256 * 1024 * 1024;
const POLL_MS = 700;
/** Dark enough for 4.5:1 with white text, and on Mantine's light orange and green tints. */
const WARN = '#8a3200';
const GOOD = '#1b5e20';
const ERRORS_SHOWN = 100;
const BUSY: readonly Status[] = ['validating', 'importing'];
const ENCODINGS: Record<string, keyof Words> = { 'utf-8': 'enc_utf8', 'utf-8-bom': 'enc_utf8bom', 'windows-874': 'enc_windows874', 'utf-16le': 'enc_utf16' };

const importKey = (id: string | null) => ['registry-import', id] as const;
const RECENT_KEY = ['registry-imports'] as const;

/** A template column's label in the reader's language; the key itself for one this page does not know. */
const labelOf = (t: Words, key: string) => (t as Record<string, string>)[`c_${key}`] ?? key;
const statusOf = (t: Words, status: Status) => t[`s_${status}`];
/** A job that failed while the import still says validating: the server leaves it so after a failed check. */
const jobFailed = (imp: Import | undefined) => Boolean(imp && BUSY.includes(imp.status) && imp.progress?.status === 'failed');
const isBusy = (imp: Import | undefined) => Boolean(imp && BUSY.includes(imp.status) && !jobFailed(imp));

/** The problem a refused upload answered with, as `unwrap` builds it for typed calls. */
async function uploadProblem(response: Response): Promise<ApiProblem> {
  const p = (await response.json().catch(() => ({}))) as Partial<{ title: string; titleTh: string; detail: string; detailTh: string; errors: FieldProblem[]; requestId: string }>;
  const tooLarge = response.status === 413;
  return new ApiProblem(
    response.status,
    p.title ?? TEXT.en.uploadFailed,
    p.titleTh ?? TEXT.th.uploadFailed,
    p.detail ?? (tooLarge ? TEXT.en.uploadTooLarge : fill(TEXT.en.uploadAnswered, { status: response.status })),
    p.detailTh ?? (tooLarge ? TEXT.th.uploadTooLarge : fill(TEXT.th.uploadAnswered, { status: response.status })),
    p.errors ?? [],
    p.requestId ?? response.headers.get('x-request-id') ?? undefined,
  );
}

/** The server's problem, with the per-field messages it lists (which the alert alone does not show). */
function Problem({ error }: { error: unknown }) {
  const lang = useLanguage();
  if (!error) return null;
  const detail = error instanceof ApiProblem ? error.text(lang) : '';
  const more = error instanceof ApiProblem ? [...new Set(error.errors.map((e) => (lang === 'th' ? e.messageTh : e.message)))].filter((m) => m && m !== detail) : [];
  return (
    <Stack gap={4}>
      <ProblemAlert error={error} />
      {more.length > 0 && (
        <List size="sm" c="red.9">
          {more.map((m) => <List.Item key={m}>{m}</List.Item>)}
        </List>
      )}
    </Stack>
  );
}

/** Labelled numbers as a description list, wrapping to as many columns as fit. */
function Figures({ items }: { items: { key: string; label: string; value: number; warn?: boolean }[] }) {
  const lang = useLanguage();
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8rem, 1fr))', gap: 'var(--mantine-spacing-sm)' }}>
      {items.map((i) => (
        <Paper key={i.key} withBorder p="xs" bg={i.warn ? 'red.0' : undefined}>
          <Text component="dt" size="sm" c={i.warn ? 'red.9' : 'gray.8'}>{i.label}</Text>
          <Text component="dd" m={0} fz="xl" fw={600} c={i.warn ? 'red.9' : undefined}>{i.value.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')}</Text>
        </Paper>
      ))}
    </Box>
  );
}

function StatusBadge({ status }: { status: Status }) {
  const t = useText(TEXT);
  const color = status === 'failed' ? 'red.9' : status === 'completed' ? GOOD : BUSY.includes(status) ? 'indigo.9' : 'gray.8';
  return <Badge variant="filled" color={color} tt="none" size="lg">{statusOf(t, status)}</Badge>;
}

/** The first rejected rows of one phase, and the full report to download. */
function RejectedRows({ imp, phase, summary }: { imp: Import; phase: Phase; summary: Summary }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const errors = useQuery({
    // The summary's counts are in the key, so a new run of the same phase fetches afresh.
    queryKey: ['registry-import-errors', imp.id, phase, summary.rows, summary.errors],
    queryFn: () => unwrap(api.GET('/api/registry/imports/{id}/errors', { params: { path: { id: imp.id }, query: { phase, limit: ERRORS_SHOWN, offset: 0 } } })),
  });
  const title = phase === 'dry-run' ? t.errorsDryRun : t.errorsImport;
  const report = (format: 'csv' | 'xlsx') => `/api/registry/imports/${encodeURIComponent(imp.id)}/error-report?${new URLSearchParams({ phase, format })}`;
  const number = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB');
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">{title}</Title>
      <Text size="sm">{fill(t.errorCount, { errors: number(summary.errors), rows: number(summary.rejected) })}</Text>
      <Group gap="md" wrap="wrap">
        <Anchor href={report('csv')} download size="sm">{t.reportCsv}</Anchor>
        <Anchor href={report('xlsx')} download size="sm">{t.reportXlsx}</Anchor>
      </Group>
      <ProblemAlert error={errors.error} />
      {errors.data && errors.data.length > 0 && (
        <>
          {summary.errors > errors.data.length && <Text size="sm">{fill(t.firstShown, { shown: number(errors.data.length) })}</Text>}
          <ScrollTable label={title} minWidth={640} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.line}</Table.Th>
                <Table.Th scope="col">{t.column}</Table.Th>
                <Table.Th scope="col">{t.value}</Table.Th>
                <Table.Th scope="col">{t.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.data.map((e, i) => (
                <Table.Tr key={`${e.line}-${e.code}-${i}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.column ? labelOf(t, e.column) : '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.value ? e.value : t.empty}</Table.Td>
                  <Table.Td>{lang === 'th' ? e.messageTh : e.messageEn}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}

/** The column mapping of an import not yet started: a Select of the file's columns per template field. */
function MappingEditor({ imp }: { imp: Import }) {
  const t = useText(TEXT);
  const client = useQueryClient();
  const [draft, setDraft] = useState<Record<string, number> | null>(null);
  const [showAll, setShowAll] = useState(false);
  const mapping = draft ?? imp.mapping;
  const keys = KEYS[imp.kind];
  // Mapped and missing columns always; the optional unmapped ones on request, plus any the officer is editing.
  const shown = showAll ? keys : keys.filter((k) => imp.mapping[k] !== undefined || imp.missingColumns.includes(k) || (draft && k in draft));
  const unknown = Object.keys(imp.mapping).filter((k) => !keys.includes(k));
  const options = imp.header.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h.trim() || t.noHeader}` }));
  const missingNow = keys.filter((k) => REQUIRED.has(k) && mapping[k] === undefined);

  const save = useMutation({
    mutationFn: (next: Record<string, number>) => unwrap(api.PUT('/api/registry/imports/{id}/mapping', { params: { path: { id: imp.id } }, body: { mapping: next } })),
    onSuccess: (saved) => {
      setDraft(null);
      client.setQueryData(importKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: RECENT_KEY });
    },
  });

  const choose = (key: string, value: string | null) => {
    const next = { ...mapping };
    if (value === null) delete next[key];
    else next[key] = Number(value);
    setDraft(next);
    save.reset();
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t.mapping}</Title>
      <Text size="sm">{t.mappingHint}</Text>
      {imp.missingColumns.length > 0 ? (
        <Alert color="orange" variant="light" title={fill(t.missing, { names: imp.missingColumns.map((k) => labelOf(t, k)).join(', ') })} styles={{ title: { color: WARN } }} />
      ) : (
        <Text size="sm" fw={600}>✓ {t.allMapped}</Text>
      )}
      <ScrollTable label={t.mapping} minWidth={300} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="45%">{t.field}</Table.Th>
            <Table.Th scope="col">{t.fileColumn}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...shown, ...unknown].map((key) => {
            const required = REQUIRED.has(key);
            const value = mapping[key];
            const isMissing = required && value === undefined;
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                  <Text span fw={600}>{labelOf(t, key)}</Text>{' '}
                  {required ? <Badge color={WARN} variant="filled" size="sm" tt="none">{t.required}</Badge> : <Text span size="sm" c="gray.8">({t.optional})</Text>}
                  <Text size="sm" c="gray.8"><Code>{key}</Code></Text>
                </Table.Th>
                <Table.Td>
                  <Select
                    aria-label={`${t.fileColumn}: ${labelOf(t, key)}${required ? ` (${t.required})` : ''}`}
                    data={options}
                    value={value === undefined ? null : String(value)}
                    onChange={(v) => choose(key, v)}
                    placeholder={isMissing ? undefined : t.notMapped}
                    clearable
                    searchable
                    error={isMissing ? `⚠ ${t.notMapped}` : undefined}
                    // Mantine's error red on an empty input and its message falls below 4.5:1; shade 9 passes.
                    styles={{ input: { color: 'var(--mantine-color-text)' }, error: { color: 'var(--mantine-color-red-9)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      <Checkbox label={t.showAll} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      {draft && (
        <>
          <Text size="sm" fw={600} c={WARN} role="status">⚠ {t.unsaved}{missingNow.length > 0 ? ` — ${fill(t.missing, { names: missingNow.map((k) => labelOf(t, k)).join(', ') })}` : ''}</Text>
          <Group gap="sm" wrap="wrap">
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>{t.saveMapping}</Button>
            <Button variant="default" onClick={() => { setDraft(null); save.reset(); }} disabled={save.isPending}>{t.undoMapping}</Button>
          </Group>
        </>
      )}
      {save.isSuccess && !draft && <Text size="sm" role="status">✓ {t.mappingSaved}</Text>}
      <Problem error={save.error} />
      <Actions imp={imp} unsaved={Boolean(draft)} />
    </Stack>
  );
}

/** The dry-run and import buttons. */
function Actions({ imp, unsaved }: { imp: Import; unsaved: boolean }) {
  const t = useText(TEXT);
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: (step: 'dry-run' | 'commit') =>
      unwrap(
        step === 'commit'
          ? api.POST('/api/registry/imports/{id}/commit', { params: { path: { id: imp.id } } })
          : api.POST('/api/registry/imports/{id}/dry-run', { params: { path: { id: imp.id } } }),
      ),
    onSuccess: (started) => {
      client.setQueryData(importKey(started.id), started);
      void client.invalidateQueries({ queryKey: RECENT_KEY });
    },
  });
  const blocked = unsaved || imp.missingColumns.length > 0;
  const canCheck = !blocked && ['uploaded', 'validated', 'failed'].includes(imp.status);
  const canImport = !blocked && ['uploaded', 'validated'].includes(imp.status);
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h4">{t.steps}</Title>
      <Text size="sm">{t.stepsHint}</Text>
      {imp.missingColumns.length > 0 && <Text size="sm" fw={600} c={WARN}>⚠ {t.needMapping}</Text>}
      {imp.status === 'failed' && <Text size="sm" fw={600}>{t.failedHint}</Text>}
      <Group gap="sm" wrap="wrap">
        <Button variant="default" onClick={() => start.mutate('dry-run')} disabled={!canCheck || start.isPending} loading={start.isPending && start.variables === 'dry-run'}>
          {t.dryRun}
        </Button>
        <Button onClick={() => start.mutate('commit')} disabled={!canImport || start.isPending} loading={start.isPending && start.variables === 'commit'}>
          {t.commit}
        </Button>
      </Group>
      <Problem error={start.error} />
    </Stack>
  );
}

/** One import: what was read from the file, its mapping, progress, results and rejected rows. */
function ImportDetails({ imp, headingRef }: { imp: Import; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const t = useText(TEXT);
  const lang = useLanguage();
  const busy = isBusy(imp);
  const number = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB');
  const encoding = imp.format === 'xlsx' ? t.enc_xlsx : imp.encoding ? (ENCODINGS[imp.encoding] ? t[ENCODINGS[imp.encoding]!] : imp.encoding) : '—';
  const size = imp.byteSize >= 1024 * 1024 ? `${(imp.byteSize / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(imp.byteSize / 1024))} KB`;
  const progress = imp.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : 0;
  // Only an import job marks an import failed; a check that ends leaves it validated.
  const importing = imp.status === 'importing' || imp.status === 'completed' || imp.status === 'failed';
  const editable = imp.status === 'uploaded' || imp.status === 'validated' || imp.status === 'failed';
  const stopped = imp.status === 'completed' || imp.status === 'failed' || jobFailed(imp);

  const facts: [string, string][] = [
    [t.kind, imp.kind === 'people' ? t.people : t.groups],
    [t.encoding, encoding],
    [t.rows, number(imp.rowCount)],
    [t.size, size],
    [t.uploadedAt, formatThaiDateTime(new Date(imp.createdAt), lang)],
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-details-title">
      <Stack>
        <div>
          <Text size="sm" c="gray.8">{t.details}</Text>
          <Group justify="space-between" align="start" wrap="wrap" gap="xs">
            <Title order={2} size="h3" id="import-details-title" ref={headingRef} tabIndex={-1} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {imp.fileName}
            </Title>
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{t.status}:</Text>
              <StatusBadge status={imp.status} />
            </Group>
          </Group>
        </div>
        <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', gap: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)' }}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="gray.8">{label}</Text>
              <Text component="dd" m={0} fw={600}>{value}</Text>
            </div>
          ))}
        </Box>

        {editable && <MappingEditor key={imp.id} imp={imp} />}

        {progress && (busy || stopped) && (
          <div>
            <Progress value={percent} size="lg" aria-label={importing ? t.progressImporting : t.progressChecking} animated={busy} color={imp.status === 'failed' || jobFailed(imp) ? 'red.9' : undefined} />
          </div>
        )}
        <Text size="sm" role="status" aria-live="polite" aria-atomic="true">
          {progress && (busy || stopped)
            ? `${busy ? `${statusOf(t, imp.status)} · ` : ''}${fill(t.progressText, { done: number(progress.done), total: number(progress.total) })}`
            : ''}
        </Text>

        {(imp.status === 'failed' || jobFailed(imp)) && (
          <Alert color="red" variant="light" title={t.failed} role="alert">
            {progress?.error ?? t.failedDetail}
          </Alert>
        )}
        {imp.status === 'completed' && (
          <Alert color="green" variant="light" title={t.done} styles={{ title: { color: GOOD } }}>
            <Anchor component={Link} to={imp.kind === 'people' ? '/registry/people' : '/registry/groups'}>{imp.kind === 'people' ? t.openPeople : t.openGroups}</Anchor>
          </Alert>
        )}

        {imp.result && (
          <Stack gap="xs">
            <Title order={3} size="h4">{t.imported}</Title>
            <Figures
              items={[
                { key: 'rows', label: t.n_rows, value: imp.result.rows },
                { key: 'valid', label: t.n_valid, value: imp.result.valid },
                { key: 'rejected', label: t.n_rejected, value: imp.result.rejected, warn: imp.result.rejected > 0 },
                { key: 'inserted', label: t.n_inserted, value: imp.result.inserted },
                { key: 'updated', label: t.n_updated, value: imp.result.updated },
                { key: 'unchanged', label: t.n_unchanged, value: imp.result.unchanged },
              ]}
            />
            {imp.result.errors > 0 && <RejectedRows imp={imp} phase="import" summary={imp.result} />}
          </Stack>
        )}

        {imp.dryRun && (
          <Stack gap="xs">
            <Title order={3} size="h4">{t.checked}</Title>
            <Text size="sm">{t.checkedNote}</Text>
            <Figures
              items={[
                { key: 'rows', label: t.n_rows, value: imp.dryRun.rows },
                { key: 'valid', label: t.n_valid, value: imp.dryRun.valid },
                { key: 'rejected', label: t.n_rejected, value: imp.dryRun.rejected, warn: imp.dryRun.rejected > 0 },
                // The check counts the people already registered; the rest of the valid rows would be added.
                ...(imp.kind === 'people'
                  ? [
                      { key: 'new', label: t.n_new, value: Math.max(0, imp.dryRun.valid - imp.dryRun.existing) },
                      { key: 'existing', label: t.n_existing, value: imp.dryRun.existing },
                    ]
                  : []),
              ]}
            />
            {imp.dryRun.errors > 0 && <RejectedRows imp={imp} phase="dry-run" summary={imp.dryRun} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

export function ImportPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusDetails = useRef(false);

  const fileProblem = !file ? null : file.size > MAX_BYTES ? t.tooBig : /\.(csv|xlsx)$/i.test(file.name) ? null : t.wrongType;

  const upload = useMutation({
    mutationFn: async (chosen: File): Promise<Import> => {
      const response = await fetch(`/api/registry/imports?${new URLSearchParams({ kind, fileName: chosen.name })}`, {
        method: 'POST',
        body: chosen,
        headers: { 'content-type': chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw await uploadProblem(response);
      return (await response.json()) as Import;
    },
    onSuccess: (imp) => {
      client.setQueryData(importKey(imp.id), imp);
      void client.invalidateQueries({ queryKey: RECENT_KEY });
      focusDetails.current = true;
      setImportId(imp.id);
      setFile(null);
    },
  });

  const current = useQuery({
    queryKey: importKey(importId),
    enabled: importId !== null,
    queryFn: () => unwrap(api.GET('/api/registry/imports/{id}', { params: { path: { id: importId! } } })),
    // While a job runs, ask again every 700 ms for its progress.
    refetchInterval: (query) => (isBusy(query.state.data) ? POLL_MS : false),
    staleTime: 0,
  });
  const recent = useQuery({ queryKey: RECENT_KEY, queryFn: () => unwrap(api.GET('/api/registry/imports')) });

  // When a job finishes, the recent list shows its new status.
  const status = current.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current && BUSY.includes(previous.current) && status && !BUSY.includes(status)) void client.invalidateQueries({ queryKey: RECENT_KEY });
    previous.current = status;
  }, [status, client]);

  // After an upload or an "Open", move the reader to the import they asked for.
  useEffect(() => {
    if (focusDetails.current && current.data && headingRef.current) {
      focusDetails.current = false;
      headingRef.current.focus();
    }
  }, [current.data]);

  const open = (id: string) => {
    focusDetails.current = true;
    setImportId(id);
    if (id === importId && headingRef.current) {
      focusDetails.current = false;
      headingRef.current.focus();
    }
  };

  const template = (format: 'xlsx' | 'csv', language: 'th' | 'en') => `/api/registry/templates/${kind}?${new URLSearchParams({ format, lang: language })}`;

  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <Stack maw={1000}>
        <Paper withBorder p="md" component="section" aria-labelledby="import-choose-title">
          <Stack>
            <Title order={2} size="h4" id="import-choose-title">{t.choose}</Title>
            <Radio.Group label={t.what} value={kind} onChange={(v) => setKind(v as Kind)}>
              <Stack gap="xs" mt={6}>
                <Radio value="people" label={t.people} description={t.peopleHint} />
                <Radio value="groups" label={t.groups} description={t.groupsHint} />
              </Stack>
            </Radio.Group>
            <div>
              <Text fw={600} size="sm">{t.templates}</Text>
              <Text size="sm" c="gray.8" mb={4}>{t.templatesHint}</Text>
              <Group gap="md" wrap="wrap">
                <Anchor href={template('xlsx', 'th')} download size="sm">{t.xlsxTh}</Anchor>
                <Anchor href={template('xlsx', 'en')} download size="sm">{t.xlsxEn}</Anchor>
                <Anchor href={template('csv', 'th')} download size="sm">{t.csvTh}</Anchor>
                <Anchor href={template('csv', 'en')} download size="sm">{t.csvEn}</Anchor>
              </Group>
            </div>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (file && !fileProblem) upload.mutate(file);
              }}
              noValidate
            >
              <Stack gap="sm" align="flex-start">
                <FileInput
                  label={t.file}
                  description={t.fileHint}
                  placeholder={t.filePlaceholder}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  value={file}
                  onChange={(f) => { setFile(f); upload.reset(); }}
                  error={fileProblem ?? undefined}
                  clearable
                  clearButtonProps={{ 'aria-label': t.clearFile }}
                  w="100%" maw={420}
                />
                <Button type="submit" disabled={!file || Boolean(fileProblem)} loading={upload.isPending}>
                  {t.upload}
                </Button>
              </Stack>
            </form>
            <Problem error={upload.error} />
          </Stack>
        </Paper>

        <ProblemAlert error={current.error} />
        {current.data && <ImportDetails imp={current.data} headingRef={headingRef} />}

        <Paper withBorder p="md" component="section" aria-labelledby="import-recent-title">
          <Title order={2} size="h4" mb="sm" id="import-recent-title">{t.recent}</Title>
          <ProblemAlert error={recent.error} />
          {recent.data && recent.data.length === 0 && <Text>{t.none}</Text>}
          {recent.data && recent.data.length > 0 && (
            <ScrollTable label={t.recent} minWidth={640} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.fileName}</Table.Th>
                  <Table.Th scope="col">{t.kind}</Table.Th>
                  <Table.Th scope="col">{t.status}</Table.Th>
                  <Table.Th scope="col">{t.rows}</Table.Th>
                  <Table.Th scope="col">{t.date}</Table.Th>
                  <Table.Th scope="col">{t.view}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.data.map((r) => {
                  const shown = r.id === importId;
                  return (
                    <Table.Tr key={r.id} aria-current={shown ? 'true' : undefined} fw={shown ? 600 : undefined}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.fileName}</Table.Td>
                      <Table.Td>{r.kind === 'people' ? t.people : t.groups}</Table.Td>
                      <Table.Td>{statusOf(t, r.status)}</Table.Td>
                      <Table.Td>{r.rowCount.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatThaiDateTime(new Date(r.createdAt), lang)}</Table.Td>
                      <Table.Td>
                        {shown ? (
                          <Text size="sm" fw={600}>{t.showing}</Text>
                        ) : (
                          <Button size="compact-sm" variant="default" onClick={() => open(r.id)} aria-label={fill(t.openNamed, { name: r.fileName })}>
                            {t.open}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>
      </Stack>
    </>
  );
}
