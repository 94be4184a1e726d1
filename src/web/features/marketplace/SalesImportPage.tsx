import { Alert, Button, FileInput, Group, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
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
import { useChannels, useMarketplaceRefresh } from './queries';
import { SALES_CHANNELS } from './words';

/**
 * A channel's order export (CSV/XLSX) imported as the group's monthly sales: a dry run first
 * that checks every row and lists its problems by line and column, then the import (any bad row
 * imports nothing; orders already imported are counted and skipped, so the same file twice adds
 * nothing), as the repayment import does it.
 */
export function SalesImportPage() {
  const groupId = Number(useParams().id);
  const { t } = useTranslation('marketplace', { keyPrefix: 'import' });
  const { t: w } = useTranslation('marketplace', { keyPrefix: 'words' });
  const lang = useLanguage();
  const { number } = useFormat();
  const channels = useChannels(groupId);
  const refresh = useMarketplaceRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [channel, setChannel] = useState<string | null>('lazada');
  const upload = useMutation({
    mutationFn: (dryRun: boolean) =>
      unwrap(
        api.POST('/api/marketplace/groups/{groupId}/sales/import', {
          params: {
            path: { groupId },
            query: { channel: channel as (typeof SALES_CHANNELS)[number], fileName: file!.name, dryRun: dryRun ? 'true' : 'false' },
          },
          ...tableUpload(file!),
        }),
      ),
    onSuccess: (r) => (r.dryRun ? undefined : refresh.group(groupId)),
  });
  const r = upload.data;
  const bad = r ? new Set(r.errors.map((e) => e.line)).size : 0;
  return (
    <>
      <PageHeader title={t('title')} intro={channels.data ? t('intro', { group: channels.data.groupName }) : undefined} />
      <Stack maw={900}>
        <Paper withBorder p="md">
          <Text size="sm" mb="sm">
            {t('columns')}
          </Text>
          <Group align="end" wrap="wrap">
            <Select
              label={t('channel')}
              data={SALES_CHANNELS.map((c) => ({ value: c, label: w(`channel.${c}`) }))}
              value={channel}
              onChange={(v) => {
                setChannel(v);
                upload.reset();
              }}
              allowDeselect={false}
            />
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
            <Button variant="default" disabled={!file || !channel || upload.isPending} onClick={() => upload.mutate(true)}>
              {t('dryRun')}
            </Button>
            <Button disabled={!file || !channel || upload.isPending} onClick={() => upload.mutate(false)}>
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
              ? t('checked', { rows: number(r.rows), bad: number(bad), cancelled: number(r.cancelled) })
              : t('recorded', { imported: number(r.imported), already: number(r.alreadyImported), months: number(r.months.length), bad: number(bad) })}
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
