import { useTranslation } from 'react-i18next';
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
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useImport, useImports, useRegistryRefresh } from './queries';
import { ImportOutcome } from './ImportOutcome';
import { ImportLawfulBasis, ImportValueMapping } from './ImportReview';
import { api, unwrap } from '../../api/client';
import { tableUpload, TABLE_FILES } from '../../api/upload';
import { useFormat } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { formatThaiDateTime } from '../../../shared/thai-date';
import { useLanguage } from '../../i18n/language';

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

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'windows-874': 'Windows-874 (ภาษาไทย, Excel)', 'utf-16le': 'UTF-16' };

export function RegistryImportsPage() {
  const { number } = useFormat();
  const { t } = useTranslation('registry', { keyPrefix: 'registryImports' });
  const lang = useLanguage();
  const refresh = useRegistryRefresh();
  const [kind, setKind] = useState<'people' | 'groups'>('people');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, number> | null>(null);

  const upload = useMutation({
    mutationFn: () => unwrap(api.POST('/api/registry/imports', { params: { query: { kind, fileName: file!.name } }, ...tableUpload(file!) })),
    onSuccess: (imp) => {
      setImportId(imp.id);
      setMapping(null);
      void refresh.imports();
    },
  });
  const current = useImport(importId);
  const imp = current.data;
  // A finished import changed people or groups: their lists are asked for again.
  const finished = imp?.status === 'completed';
  useEffect(() => {
    if (finished) void refresh.afterImport();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per finished import, not per render
  }, [finished, importId]);
  const recent = useImports();
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
      void refresh.imports();
    },
  });

  const columns = COLUMNS[imp?.kind ?? kind];
  const shownMapping = mapping ?? imp?.mapping ?? {};
  const busy = imp && ['validating', 'importing'].includes(imp.status);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={960}>
        <Paper withBorder p="md">
          <Stack>
            <div>
              <Text fw={500} id="import-kind">
                {t('what')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind"
                value={kind}
                onChange={(v) => setKind(v as 'people' | 'groups')}
                data={[
                  { value: 'people', label: t('people') },
                  { value: 'groups', label: t('groups') },
                ]}
              />
            </div>
            <Group gap="md" wrap="wrap">
              <Text size="sm">{t('template')}:</Text>
              <Anchor href={`/api/registry/templates/${kind}?format=xlsx&lang=th`} download size="sm">
                {t('xlsxTh')}
              </Anchor>
              <Anchor href={`/api/registry/templates/${kind}?format=xlsx&lang=en`} download size="sm">
                {t('xlsxEn')}
              </Anchor>
              <Anchor href={`/api/registry/templates/${kind}?format=csv&lang=th`} download size="sm">
                {t('csvTh')}
              </Anchor>
            </Group>
            <Group align="end" wrap="wrap">
              <FileInput
                label={t('file')}
                description={t('fileHint')}
                accept={TABLE_FILES}
                value={file}
                onChange={setFile}
                miw={260}
                clearable
                clearButtonProps={{ 'aria-label': t('clearFile') }}
              />
              <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
                {t('upload')}
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
                  {t(imp.status)}
                </Badge>
              </Group>
              <ImportSteps imp={imp} />
              <Group gap="xl" wrap="wrap">
                <Text>
                  {t('encoding')}: {imp.format === 'xlsx' ? 'Excel (.xlsx)' : (ENCODINGS[imp.encoding ?? ''] ?? imp.encoding)}
                </Text>
                <Text>
                  {t('rows')}: {number(imp.rowCount)}
                </Text>
              </Group>

              {!imp.result && !busy && (
                <>
                  <Title order={3} size="h5">
                    {t('mapping')}
                  </Title>
                  <Text size="sm">{t('mappingHint')}</Text>
                  {imp.mappingSource === 'remembered' && (
                    <Alert color="gray" variant="light">
                      {t('remembered')}
                    </Alert>
                  )}
                  <ScrollTable label={t('mapping')} minWidth={480}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('column')}</Table.Th>
                        <Table.Th>{t('fileColumn')}</Table.Th>
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
                              aria-label={`${t('fileColumn')}: ${lang === 'th' ? th : en}`}
                              size="sm"
                              clearable
                              placeholder={t('notInFile')}
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
                      {t('saveMapping')}
                    </Button>
                  )}
                  <ProblemAlert error={saveMapping.error} />
                  {!mapping && (
                    <ImportValueMapping
                      key={`${imp.id}-${imp.mappingSource}`}
                      imp={imp}
                      label={(field) => {
                        const c = columns.find(([key]) => key === field);
                        return c ? (lang === 'th' ? c[1] : c[2]) : field;
                      }}
                      onSaved={() => void current.refetch()}
                    />
                  )}
                  {!mapping && imp.sensitiveColumns.length > 0 && <ImportLawfulBasis key={imp.id} imp={imp} onSaved={() => void current.refetch()} />}
                  <Group>
                    <Button
                      variant="default"
                      onClick={() => start.mutate('dry-run')}
                      disabled={Boolean(mapping) || imp.missingColumns.length > 0}
                      loading={start.isPending && start.variables === 'dry-run'}
                    >
                      {t('dryRun')}
                    </Button>
                    <Button
                      onClick={() => start.mutate('commit')}
                      disabled={Boolean(mapping) || imp.missingColumns.length > 0}
                      loading={start.isPending && start.variables === 'commit'}
                    >
                      {t('commit')}
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
                    aria-label={t('progress')}
                    animated={Boolean(busy)}
                  />
                  <Text size="sm" mt={4} role="status" aria-live="polite">
                    {t('progressText', { done: number(imp.progress.done), total: number(imp.progress.total) })}
                  </Text>
                </div>
              )}
              {imp.status === 'failed' && imp.progress?.error && (
                <Alert color="red" role="alert">
                  {imp.progress.error}
                </Alert>
              )}
              <ImportOutcome key={`${imp.id}-${imp.result ? 'import' : 'check'}`} imp={imp} />
            </Stack>
          </Paper>
        )}

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('recent')}
          </Title>
          {(recent.data ?? []).length === 0 ? (
            <Text>{t('none')}</Text>
          ) : (
            <ScrollTable label={t('recent')} minWidth={520}>
              <Table.Tbody>
                {recent.data!.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.fileName}
                      <Text size="sm" c="dimmed">
                        {formatThaiDateTime(new Date(r.createdAt), lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.kind === 'people' ? t('people') : t('groups')}</Table.Td>
                    <Table.Td>{t(r.status)}</Table.Td>
                    <Table.Td>{number(r.rowCount)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => {
                          setImportId(r.id);
                          setMapping(null);
                        }}
                      >
                        {t('open')}
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

/** Where the import stands: each step with whether it is done, in a row that wraps on a phone. */
function ImportSteps({ imp }: { imp: NonNullable<ReturnType<typeof useImport>['data']> }) {
  const { t } = useTranslation('registry', { keyPrefix: 'registryImports' });
  type Step = 'stepFile' | 'stepColumns' | 'stepValues' | 'stepBasis' | 'stepCheck' | 'stepImport';
  const steps: [Step, boolean][] = [
    ['stepFile', true],
    ['stepColumns', imp.missingColumns.length === 0],
    ['stepValues', imp.values.every((v) => v.mapped)],
    ...(imp.sensitiveColumns.length > 0 ? ([['stepBasis', imp.lawfulBasis !== null]] as [Step, boolean][]) : []),
    ['stepCheck', Boolean(imp.dryRun) || Boolean(imp.result)],
    ['stepImport', imp.status === 'completed'],
  ];
  return (
    <Group component="ol" gap="xs" wrap="wrap" aria-label={t('steps')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {steps.map(([key, done], i) => (
        <li key={key}>
          <Badge variant={done ? 'filled' : 'outline'} color={done ? '#1b5e20' : 'gray.8'} tt="none" size="lg">
            {i + 1}. {t(key)}
            <VisuallyHidden> ({done ? t('stepDone') : t('stepTodo')})</VisuallyHidden>
          </Badge>
        </li>
      ))}
    </Group>
  );
}
