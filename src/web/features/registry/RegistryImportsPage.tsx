import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { fill, useLanguage, useText } from './text';

/** The template's columns, in its order, with the labels officers see. */
const COLUMNS: Record<'people' | 'groups', [string, string, string, boolean][]> = {
  people: [
    ['id_number', 'เลขประจำตัวประชาชน/เลขเอกสาร', 'National ID or document number', true],
    ['doc_type', 'ประเภทเอกสาร', 'Document type', false],
    ['title', 'คำนำหน้า', 'Title', true],
    ['first_name_th', 'ชื่อ', 'First name (Thai)', true],
    ['last_name_th', 'นามสกุล', 'Last name (Thai)', true],
    ['first_name_en', 'ชื่อ (อังกฤษ)', 'First name (English)', false],
    ['last_name_en', 'นามสกุล (อังกฤษ)', 'Last name (English)', false],
    ['sex', 'เพศ', 'Sex', true],
    ['birth_date', 'วันเกิด', 'Birth date', true],
    ['phone', 'โทรศัพท์', 'Phone', false],
    ['house_no', 'บ้านเลขที่', 'House number', false],
    ['village_no', 'หมู่ที่', 'Village (moo)', false],
    ['subdistrict_code', 'รหัสตำบล', 'Sub-district code', true],
    ['target_groups', 'กลุ่มเป้าหมาย', 'Target groups', false],
    ['disability_type', 'ประเภทความพิการ', 'Disability type', false],
    ['disability_card_no', 'เลขบัตรคนพิการ', 'Disability card number', false],
    ['sensitive_consent', 'ยินยอมให้เก็บข้อมูลอ่อนไหว', 'Explicit consent to sensitive data', false],
    ['education', 'การศึกษา', 'Education', false],
    ['work_status', 'สถานะการทำงาน', 'Work status', false],
    ['monthly_income', 'รายได้ต่อเดือน (บาท)', 'Monthly income (baht)', false],
    ['household_size', 'จำนวนสมาชิกในครัวเรือน', 'Household size', false],
  ],
  groups: [
    ['group_name', 'ชื่อกลุ่ม', 'Group name', true],
    ['group_type', 'ประเภทกลุ่ม', 'Group type', true],
    ['registration_no', 'เลขทะเบียนวิสาหกิจชุมชน', 'Registration number', false],
    ['occupation', 'ประเภทอาชีพ', 'Occupation category', true],
    ['group_subdistrict_code', 'รหัสตำบลของกลุ่ม', "Group's sub-district code", true],
    ['founded_on', 'วันที่ก่อตั้ง', 'Founded on', false],
    ['contact_phone', 'โทรศัพท์ติดต่อกลุ่ม', 'Group phone', false],
    ['member_id_number', 'เลขประจำตัวประชาชนสมาชิก', "Member's national ID", true],
    ['member_role', 'บทบาทในกลุ่ม', 'Role in the group', false],
    ['joined_on', 'วันที่เข้าร่วม', 'Joined on', false],
  ],
};

const TEXT = {
  th: {
    title: 'นำเข้าข้อมูลจากไฟล์',
    intro: 'รับไฟล์ CSV (UTF-8 หรือ Windows-874 จาก Excel ภาษาไทย) และ Excel (.xlsx) ตรวจทุกแถวก่อนนำเข้า นำเข้าซ้ำได้โดยไม่เกิดข้อมูลซ้ำ',
    what: 'นำเข้าอะไร',
    people: 'บุคคล',
    groups: 'กลุ่มอาชีพและสมาชิก',
    template: 'ดาวน์โหลดแบบฟอร์ม',
    xlsxTh: 'Excel ภาษาไทย',
    xlsxEn: 'Excel อังกฤษ',
    csvTh: 'CSV ภาษาไทย',
    file: 'ไฟล์ที่จะนำเข้า',
    clearFile: 'ล้างไฟล์ที่เลือก',
    fileHint: '.csv หรือ .xlsx ไม่เกิน 256 MB',
    upload: 'อัปโหลดและอ่านไฟล์',
    encoding: 'การเข้ารหัส',
    rows: 'จำนวนแถว',
    mapping: 'จับคู่คอลัมน์',
    mappingHint: 'คอลัมน์ที่มีเครื่องหมาย * ต้องจับคู่ให้ครบ',
    column: 'ข้อมูล',
    fileColumn: 'คอลัมน์ในไฟล์',
    notInFile: 'ไม่มีในไฟล์',
    saveMapping: 'บันทึกการจับคู่',
    dryRun: 'ตรวจทุกแถว (ยังไม่บันทึก)',
    commit: 'นำเข้าข้อมูล',
    progress: 'ความคืบหน้า',
    progressText: 'ดำเนินการแล้ว {done} จาก {total} แถว',
    checked: 'ผลการตรวจ',
    imported: 'ผลการนำเข้า',
    valid: 'ถูกต้อง',
    rejected: 'ไม่ผ่าน',
    inserted: 'เพิ่มใหม่',
    updated: 'ปรับปรุง',
    unchanged: 'ไม่เปลี่ยนแปลง',
    existing: 'มีอยู่แล้ว',
    errors: 'แถวที่ไม่ผ่าน',
    line: 'บรรทัด',
    value: 'ค่า',
    reason: 'เหตุผล',
    downloadCsv: 'ดาวน์โหลดรายงาน CSV',
    downloadXlsx: 'ดาวน์โหลดรายงาน Excel',
    firstErrors: 'แสดง 100 รายการแรก',
    recent: 'การนำเข้าล่าสุดของคุณ',
    open: 'เปิด',
    none: 'ยังไม่มี',
    status: 'สถานะ',
    done: 'นำเข้าเรียบร้อยแล้ว',
    uploaded: 'อัปโหลดแล้ว',
    validating: 'กำลังตรวจ',
    validated: 'ตรวจแล้ว',
    importing: 'กำลังนำเข้า',
    completed: 'เสร็จสิ้น',
    failed: 'ไม่สำเร็จ',
  },
  en: {
    title: 'Import from a file',
    intro: 'CSV (UTF-8, or Windows-874 from Thai Excel) and Excel (.xlsx); every row is checked before anything is written; importing again adds nothing twice',
    what: 'What to import',
    people: 'People',
    groups: 'Occupation groups and members',
    template: 'Download the template',
    xlsxTh: 'Excel, Thai',
    xlsxEn: 'Excel, English',
    csvTh: 'CSV, Thai',
    file: 'File to import',
    clearFile: 'Clear the chosen file',
    fileHint: '.csv or .xlsx, up to 256 MB',
    upload: 'Upload and read the file',
    encoding: 'Encoding',
    rows: 'Rows',
    mapping: 'Column mapping',
    mappingHint: 'Columns marked * must be mapped',
    column: 'Field',
    fileColumn: 'Column in the file',
    notInFile: 'Not in the file',
    saveMapping: 'Save the mapping',
    dryRun: 'Check every row (writes nothing)',
    commit: 'Import',
    progress: 'Progress',
    progressText: '{done} of {total} rows done',
    checked: 'Check',
    imported: 'Import',
    valid: 'Valid',
    rejected: 'Rejected',
    inserted: 'New',
    updated: 'Updated',
    unchanged: 'Unchanged',
    existing: 'Already registered',
    errors: 'Rejected rows',
    line: 'Line',
    value: 'Value',
    reason: 'Reason',
    downloadCsv: 'Download the report (CSV)',
    downloadXlsx: 'Download the report (Excel)',
    firstErrors: 'The first 100 are shown',
    recent: 'Your recent imports',
    open: 'Open',
    none: 'None yet',
    status: 'Status',
    done: 'The import is complete',
    uploaded: 'Uploaded',
    validating: 'Checking',
    validated: 'Checked',
    importing: 'Importing',
    completed: 'Completed',
    failed: 'Failed',
  },
};
const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'windows-874': 'Windows-874 (ภาษาไทย, Excel)', 'utf-16le': 'UTF-16' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RegistryImportsPage() {
  const t = useText(TEXT);
  const lang = useLanguage();
  const client = useQueryClient();
  const [kind, setKind] = useState<'people' | 'groups'>('people');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, number> | null>(null);

  const upload = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/registry/imports?kind=${kind}&fileName=${encodeURIComponent(file!.name)}`, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'content-type': file!.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv' },
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok)
        throw new ApiProblem(
          response.status,
          body.title ?? response.statusText,
          body.titleTh ?? '',
          body.detail ?? '',
          body.detailTh ?? '',
          body.errors ?? [],
          body.requestId,
        );
      return body as { id: string };
    },
    onSuccess: (imp) => {
      setImportId(imp.id);
      setMapping(null);
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });
  const current = useQuery({
    queryKey: ['import', importId],
    enabled: Boolean(importId),
    queryFn: () => unwrap(api.GET('/api/registry/imports/{id}', { params: { path: { id: importId! } } })),
    refetchInterval: (q) => (q.state.data && ['validating', 'importing'].includes(q.state.data.status) ? 700 : false),
  });
  const imp = current.data;
  const phase = imp?.result || imp?.status === 'importing' ? 'import' : 'dry-run';
  const errors = useQuery({
    queryKey: ['import-errors', importId, phase, imp?.status],
    enabled: Boolean(imp && ['validated', 'completed'].includes(imp.status)),
    queryFn: () => unwrap(api.GET('/api/registry/imports/{id}/errors', { params: { path: { id: importId! }, query: { phase, limit: 100, offset: 0 } } })),
  });
  const recent = useQuery({ queryKey: ['imports'], queryFn: () => unwrap(api.GET('/api/registry/imports')) });
  const saveMapping = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/registry/imports/{id}/mapping', { params: { path: { id: importId! } }, body: { mapping: mapping! } })),
    onSuccess: () => {
      setMapping(null);
      void current.refetch();
    },
  });
  const start = useMutation({
    mutationFn: (step: 'dry-run' | 'commit') =>
      unwrap(
        step === 'commit'
          ? api.POST('/api/registry/imports/{id}/commit', { params: { path: { id: importId! } } })
          : api.POST('/api/registry/imports/{id}/dry-run', { params: { path: { id: importId! } } }),
      ),
    onSuccess: () => {
      void current.refetch();
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });

  const columns = COLUMNS[imp?.kind ?? kind];
  const shownMapping = mapping ?? imp?.mapping ?? {};
  const busy = imp && ['validating', 'importing'].includes(imp.status);
  const summary = (title: string, s: NonNullable<typeof imp>['dryRun']) =>
    s && (
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {(
            [
              ['valid', s.valid],
              ['rejected', s.rejected],
              ['inserted', s.inserted],
              ['updated', s.updated],
              ['unchanged', s.unchanged],
              ['existing', s.existing],
            ] as const
          )
            .filter(([k, v]) => v > 0 || k === 'valid' || k === 'rejected')
            .map(([k, v]) => (
              <div key={k}>
                <Text size="sm" c="dimmed">
                  {t[k]}
                </Text>
                <Text fz="xl" fw={600} c={k === 'rejected' && v > 0 ? 'red.9' : undefined}>
                  {v.toLocaleString(lang === 'th' ? 'th-TH' : 'en')}
                </Text>
              </div>
            ))}
        </SimpleGrid>
      </Paper>
    );

  return (
    <>
      <PageHeader title={t.title} intro={t.intro} />
      <Stack maw={960}>
        <Paper withBorder p="md">
          <Stack>
            <div>
              <Text fw={500} id="import-kind">
                {t.what}
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind"
                value={kind}
                onChange={(v) => setKind(v as 'people' | 'groups')}
                data={[
                  { value: 'people', label: t.people },
                  { value: 'groups', label: t.groups },
                ]}
              />
            </div>
            <Group gap="md" wrap="wrap">
              <Text size="sm">{t.template}:</Text>
              <Anchor href={`/api/registry/templates/${kind}?format=xlsx&lang=th`} download size="sm">
                {t.xlsxTh}
              </Anchor>
              <Anchor href={`/api/registry/templates/${kind}?format=xlsx&lang=en`} download size="sm">
                {t.xlsxEn}
              </Anchor>
              <Anchor href={`/api/registry/templates/${kind}?format=csv&lang=th`} download size="sm">
                {t.csvTh}
              </Anchor>
            </Group>
            <Group align="end" wrap="wrap">
              <FileInput
                label={t.file}
                description={t.fileHint}
                accept=".csv,.xlsx,text/csv"
                value={file}
                onChange={setFile}
                miw={260}
                clearable
                clearButtonProps={{ 'aria-label': t.clearFile }}
              />
              <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
                {t.upload}
              </Button>
            </Group>
            <ProblemAlert error={upload.error} />
          </Stack>
        </Paper>

        {imp && (
          <Paper withBorder p="md">
            <Stack>
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h4">
                  {imp.fileName}
                </Title>
                <Badge variant="filled" color={imp.status === 'failed' ? 'red.9' : imp.status === 'completed' ? '#1b5e20' : 'indigo.9'} tt="none">
                  {t[imp.status]}
                </Badge>
              </Group>
              <Group gap="xl" wrap="wrap">
                <Text>
                  {t.encoding}: {imp.format === 'xlsx' ? 'Excel (.xlsx)' : (ENCODINGS[imp.encoding ?? ''] ?? imp.encoding)}
                </Text>
                <Text>
                  {t.rows}: {imp.rowCount.toLocaleString(lang === 'th' ? 'th-TH' : 'en')}
                </Text>
              </Group>

              {!imp.result && !busy && (
                <>
                  <Title order={3} size="h5">
                    {t.mapping}
                  </Title>
                  <Text size="sm">{t.mappingHint}</Text>
                  <ScrollTable label={t.mapping} minWidth={480}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t.column}</Table.Th>
                        <Table.Th>{t.fileColumn}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {columns.map(([key, th, en, required]) => (
                        <Table.Tr key={key}>
                          <Table.Td>
                            {lang === 'th' ? th : en}
                            {required ? ' *' : ''}
                          </Table.Td>
                          <Table.Td>
                            <Select
                              aria-label={`${t.fileColumn}: ${lang === 'th' ? th : en}`}
                              size="sm"
                              clearable
                              placeholder={t.notInFile}
                              data={imp.header.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h}` }))}
                              value={shownMapping[key] === undefined ? null : String(shownMapping[key])}
                              error={imp.missingColumns.includes(key) && shownMapping[key] === undefined ? ' ' : undefined}
                              onChange={(v) => {
                                const next = { ...shownMapping };
                                if (v === null) delete next[key];
                                else next[key] = Number(v);
                                setMapping(next);
                              }}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </ScrollTable>
                  {mapping && (
                    <Button variant="default" w="fit-content" onClick={() => saveMapping.mutate()} loading={saveMapping.isPending}>
                      {t.saveMapping}
                    </Button>
                  )}
                  <ProblemAlert error={saveMapping.error} />
                  <Group>
                    <Button
                      variant="default"
                      onClick={() => start.mutate('dry-run')}
                      disabled={Boolean(mapping) || imp.missingColumns.length > 0}
                      loading={start.isPending && start.variables === 'dry-run'}
                    >
                      {t.dryRun}
                    </Button>
                    <Button
                      onClick={() => start.mutate('commit')}
                      disabled={Boolean(mapping) || imp.missingColumns.length > 0}
                      loading={start.isPending && start.variables === 'commit'}
                    >
                      {t.commit}
                    </Button>
                  </Group>
                  <ProblemAlert error={start.error} />
                </>
              )}

              {imp.progress && (busy || imp.status === 'completed') && (
                <div>
                  <Progress
                    value={imp.progress.total ? (100 * imp.progress.done) / imp.progress.total : 0}
                    size="lg"
                    aria-label={t.progress}
                    animated={Boolean(busy)}
                  />
                  <Text size="sm" mt={4} role="status" aria-live="polite">
                    {fill(t.progressText, { done: imp.progress.done.toLocaleString(), total: imp.progress.total.toLocaleString() })}
                  </Text>
                </div>
              )}
              {imp.status === 'failed' && imp.progress?.error && (
                <Alert color="red" role="alert">
                  {imp.progress.error}
                </Alert>
              )}
              {summary(t.checked, imp.dryRun)}
              {summary(t.imported, imp.result)}
              {imp.status === 'completed' && <Alert color="green" title={t.done} styles={{ title: { color: '#1b5e20' } }} />}

              {errors.data && errors.data.length > 0 && (
                <>
                  <Group justify="space-between" wrap="wrap">
                    <Title order={3} size="h5">
                      {t.errors}
                    </Title>
                    <Group gap="md">
                      <Anchor href={`/api/registry/imports/${imp.id}/error-report?phase=${phase}&format=csv`} download size="sm">
                        {t.downloadCsv}
                      </Anchor>
                      <Anchor href={`/api/registry/imports/${imp.id}/error-report?phase=${phase}&format=xlsx`} download size="sm">
                        {t.downloadXlsx}
                      </Anchor>
                    </Group>
                  </Group>
                  {errors.data.length >= 100 && <Text size="sm">{t.firstErrors}</Text>}
                  <ScrollTable label={t.errors} minWidth={560} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t.line}</Table.Th>
                        <Table.Th>{t.value}</Table.Th>
                        <Table.Th>{t.reason}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {errors.data.map((e, i) => (
                        <Table.Tr key={`${e.line}-${i}`}>
                          <Table.Td>{e.line}</Table.Td>
                          <Table.Td>{e.value ?? '—'}</Table.Td>
                          <Table.Td>{lang === 'th' ? e.messageTh : e.messageEn}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </ScrollTable>
                </>
              )}
            </Stack>
          </Paper>
        )}

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t.recent}
          </Title>
          {(recent.data ?? []).length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <ScrollTable label={t.recent} minWidth={520}>
              <Table.Tbody>
                {recent.data!.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.fileName}
                      <Text size="sm" c="dimmed">
                        {formatThaiDateTime(new Date(r.createdAt), lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.kind === 'people' ? t.people : t.groups}</Table.Td>
                    <Table.Td>{t[r.status]}</Table.Td>
                    <Table.Td>{r.rowCount.toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => {
                          setImportId(r.id);
                          setMapping(null);
                        }}
                      >
                        {t.open}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Paper>
      </Stack>
    </>
  );
}
