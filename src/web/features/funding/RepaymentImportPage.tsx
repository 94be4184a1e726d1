import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { tableUpload, TABLE_FILES } from '../../api/upload';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { useFund, useFundingRefresh } from './queries';

/**
 * A bank statement imported as repayments: a dry run first that checks every row and lists its
 * problems by line and column, then the import (each good row its own transaction; a bad row is
 * reported and changes nothing). The request runs while a bar shows it is working.
 */
export function RepaymentImportPage() {
  const fundId = Number(useParams().id);
  const { t } = useTranslation('funding', { keyPrefix: 'import' });
  const lang = useLanguage();
  const { number } = useFormat();
  const fund = useFund(fundId);
  const refresh = useFundingRefresh();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (dryRun: boolean) =>
      unwrap(
        api.POST('/api/funding/funds/{id}/repayment-imports', {
          params: { path: { id: fundId }, query: { fileName: file!.name, dryRun: dryRun ? 'true' : 'false' } },
          ...tableUpload(file!),
        }),
      ),
    onSuccess: (r) => (r.dryRun ? undefined : refresh.money(fundId)),
  });
  const r = upload.data;
  return (
    <>
      <PageHeader title={t('title')} intro={fund.data ? t('intro', { fund: lang === 'en' ? fund.data.nameEn : fund.data.nameTh }) : undefined} />
      <Stack maw={900}>
        <Paper withBorder p="md">
          <Text size="sm" mb="sm">
            {t('columns')}
          </Text>
          <Group align="end" wrap="wrap">
            <FileInput
              label={t('file')}
              description={t('fileHint')}
              accept={TABLE_FILES}
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('clearFile') }}
              miw={260}
            />
            <Button variant="default" disabled={!file || upload.isPending} onClick={() => upload.mutate(true)}>
              {t('dryRun')}
            </Button>
            <Button disabled={!file || upload.isPending} onClick={() => upload.mutate(false)}>
              {t('import')}
            </Button>
          </Group>
        </Paper>
        {upload.isPending && <Progress value={100} animated striped size="xl" aria-label={t('working')} />}
        {upload.isPending && (
          <Text role="status" size="sm">
            {t('working')}
          </Text>
        )}
        <ProblemAlert error={upload.error} />
        {r && (
          <Alert color={r.errors.length ? 'orange' : 'teal'} role="status" data-testid="import-result">
            {r.dryRun
              ? t('checked', {
                  rows: number(r.rows),
                  good: number(r.rows - new Set(r.errors.map((e) => e.line)).size),
                  bad: number(new Set(r.errors.map((e) => e.line)).size),
                })
              : t('recorded', { rows: number(r.rows), recorded: number(r.recorded), bad: number(new Set(r.errors.map((e) => e.line)).size) })}
          </Alert>
        )}
        {r && r.errors.length > 0 && (
          <ScrollTable label={t('errors')} minWidth={600} striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('line')}</Table.Th>
                <Table.Th>{t('column')}</Table.Th>
                <Table.Th>{t('value')}</Table.Th>
                <Table.Th>{t('problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.column ?? '—'}</Table.Td>
                  <Table.Td>{e.value ?? '—'}</Table.Td>
                  <Table.Td>{lang === 'en' ? e.en : e.th}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </>
  );
}
