import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Group, Pagination, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { useFormat } from '../../format';
import { ScrollTable } from '../../components/ScrollTable';
import { useLanguage } from '../../i18n/language';
import { useImportErrors } from './queries';

type Import = components['schemas']['Import'];
type Summary = NonNullable<Import['result']>;
const PAGE = 50;
/** Colours with enough contrast on white (axe): the banner matches the counts, never green for a partial run. */
const DARK = { green: '#1b5e20', orange: '#7a3a00', red: '#8b1a1a' };

/** The counts of a check or an import, the banner that matches them, the summary by reason and every problem row, a page at a time. */
export function ImportOutcome({ imp }: { imp: Import }) {
  const { t } = useTranslation('registry', { keyPrefix: 'registryImports' });
  const { number } = useFormat();
  const lang = useLanguage();
  const phase = imp.result ? 'import' : 'dry-run';
  const s = imp.result ?? imp.dryRun;
  const [severity, setSeverity] = useState<'error' | 'warning'>('error');
  const [page, setPage] = useState(1);
  const rows = useImportErrors(imp.id, phase, imp.status, { severity, offset: (page - 1) * PAGE, limit: PAGE });
  if (!s || (imp.status !== 'completed' && imp.status !== 'validated')) return null;

  type CountKey = 'inserted' | 'unchanged' | 'updated' | 'warned' | 'rejected' | 'duplicates' | 'valid' | 'existing';
  const counts: [CountKey, number, string?][] = imp.result
    ? [
        ['inserted', s.inserted],
        ['unchanged', s.unchanged],
        ['updated', s.updated],
        ['warned', s.warned, DARK.orange],
        ['rejected', s.rejected, DARK.red],
        ['duplicates', s.duplicates, DARK.red],
      ]
    : [
        ['valid', s.valid],
        ['existing', s.existing],
        ['warned', s.warned, DARK.orange],
        ['rejected', s.rejected, DARK.red],
        ['duplicates', s.duplicates, DARK.red],
      ];
  const total = s.valid + s.rejected;
  const banner = bannerOf(s, Boolean(imp.result), total, {
    checkedAll: () => t('checkedAll'),
    checkedSome: () => t('checkedSome', { valid: number(s.valid), total: number(total) }),
    partialHint: () => t('partialHint'),
    nothingImported: () => t('nothingImported', { rejected: number(s.rejected) }),
    partial: () => t('partial', { done: number(s.valid), total: number(total), rejected: number(s.rejected) }),
    allImportedWarned: () => t('allImportedWarned', { n: number(s.valid), warned: number(s.warned) }),
    allImported: () => t('allImported', { n: number(s.valid) }),
  });
  const problems = rows.data;

  return (
    <Stack>
      <Alert color={banner.color} variant="light" role="status" title={banner.title} styles={{ title: { color: DARK[banner.color] } }}>
        {banner.hint && <Text size="sm">{banner.hint}</Text>}
      </Alert>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {imp.result ? t('imported') : t('checked')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {counts.map(([k, v, color]) => (
            <div key={k}>
              <Text size="sm" c="dimmed">
                {t(k)}
              </Text>
              <Text fz="xl" fw={600} c={v > 0 ? color : undefined} data-count={k}>
                {number(v)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {imp.reasons.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('reasons')}
          </Title>
          <ScrollTable label={t('reasons')} minWidth={320}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reason')}</Table.Th>
                <Table.Th>{t('rowsCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imp.reasons.map((r) => (
                <Table.Tr key={`${r.severity}-${r.code}-${r.column}`}>
                  <Table.Td>
                    <Badge variant="outline" color={r.severity === 'error' ? 'red.9' : 'orange.9'} tt="none" mr="xs">
                      {r.severity === 'error' ? t('severityError') : t('severityWarning')}
                    </Badge>
                    {lang === 'th' ? r.th : r.en}
                  </Table.Td>
                  <Table.Td>{number(r.rows)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}

      {(s.errors > 0 || s.warnings > 0) && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5">
              {t('rowReport')}
            </Title>
            <Group gap="md" wrap="wrap">
              <Anchor href={`/api/registry/imports/${imp.id}/error-report?phase=${phase}&format=csv&severity=${severity}`} download size="sm">
                {t('downloadCsv')}
              </Anchor>
              <Anchor href={`/api/registry/imports/${imp.id}/error-report?phase=${phase}&format=xlsx&severity=${severity}`} download size="sm">
                {t('downloadXlsx')}
              </Anchor>
            </Group>
          </Group>
          <SegmentedControl
            aria-label={t('rowReport')}
            value={severity}
            onChange={(v) => {
              setSeverity(v as 'error' | 'warning');
              setPage(1);
            }}
            data={[
              { value: 'error', label: `${t('showErrors')} (${number(s.errors)})` },
              { value: 'warning', label: `${t('showWarnings')} (${number(s.warnings)})` },
            ]}
          />
          {problems && problems.total > 0 && (
            <>
              <ScrollTable label={t('rowReport')} minWidth={480} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('line')}</Table.Th>
                    <Table.Th>{t('value')}</Table.Th>
                    <Table.Th>{t('reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.items.map((e, i) => (
                    <Table.Tr key={`${e.line}-${i}`}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.value ?? '—'}</Table.Td>
                      <Table.Td>{lang === 'th' ? e.messageTh : e.messageEn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Text size="sm">
                {t('pageOf', {
                  from: number((page - 1) * PAGE + 1),
                  to: number(Math.min(page * PAGE, problems.total)),
                  total: number(problems.total),
                })}
              </Text>
              {problems.total > PAGE && (
                <Pagination total={Math.ceil(problems.total / PAGE)} value={page} onChange={setPage} size="sm" getControlProps={(c) => ({ 'aria-label': c })} />
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}

type BannerText = Record<'checkedAll' | 'checkedSome' | 'partialHint' | 'nothingImported' | 'partial' | 'allImportedWarned' | 'allImported', () => string>;

/** The banner for a run: green only when every row went in without a warning. */
function bannerOf(s: Summary, imported: boolean, total: number, text: BannerText): { color: 'green' | 'orange' | 'red'; title: string; hint?: string } {
  if (!imported) {
    return s.rejected === 0
      ? { color: s.warned ? 'orange' : 'green', title: text.checkedAll() }
      : { color: 'orange', title: text.checkedSome(), hint: text.partialHint() };
  }
  if (s.valid === 0) return { color: 'red', title: text.nothingImported(), hint: text.partialHint() };
  if (s.rejected > 0) return { color: 'orange', title: text.partial(), hint: text.partialHint() };
  if (s.warned > 0) return { color: 'orange', title: text.allImportedWarned() };
  return { color: 'green', title: text.allImported() };
}
