import { Anchor, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fiscalYearOf } from '../../../shared/fiscal-year';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useLanguage } from '../../i18n/language';
import { useOpenData } from './queries';

/**
 * The open data, for anyone without signing in: the catalogue entry (data.go.th's metadata fields),
 * the files of a fiscal year as CSV and JSON, and the data dictionary. Counts of 1 to 4 people or
 * groups are published as "<5".
 */
export function OpenDataPage() {
  const { t } = useTranslation('monitoring', { keyPrefix: 'openData' });
  const lang = useLanguage();
  const entry = useOpenData();
  const [fiscalYear, setFiscalYear] = useState(fiscalYearOf(new Date()));
  const catalogue = entry.data?.catalogue as Record<string, unknown> | undefined;
  const text = (key: string) => String(catalogue?.[lang === 'en' && catalogue?.[`${key}En`] ? `${key}En` : key] ?? '');
  const frequency = catalogue?.updateFrequency as { unit: string; unitEn: string } | undefined;
  return (
    <Stack p="md" maw={1000} mx="auto">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Group>
        <Anchor component={Link} to="/sign-in">
          {t('signIn')}
        </Anchor>
      </Group>
      <ProblemAlert error={entry.error} />
      {catalogue && (
        <Paper withBorder p="md" component="section" aria-label={text('title')} data-testid="open-data-catalogue">
          <Title order={2} size="h4">
            {text('title')}
          </Title>
          <Text size="sm" mt="xs">
            {text('notes')}
          </Text>
          <Table mt="sm" variant="vertical" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('agency')}</Table.Th>
                <Table.Td>{text('ownerOrg')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licence')}</Table.Th>
                <Table.Td>{String(catalogue.licenseTitle ?? '')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('frequency')}</Table.Th>
                <Table.Td>{lang === 'en' ? frequency?.unitEn : frequency?.unit}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('coverage')}</Table.Th>
                <Table.Td>{String(catalogue.geoCoverage ?? '')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-label={t('files')}>
        <Title order={2} size="h4" mb="sm">
          {t('files')}
        </Title>
        <Select
          label={t('fiscalYear')}
          allowDeselect={false}
          maw={240}
          data={(entry.data?.fiscalYears ?? [fiscalYear]).map((fy) => ({ value: String(fy), label: t('fiscalYearOption', { fy }) }))}
          value={String(fiscalYear)}
          onChange={(v) => v && setFiscalYear(Number(v))}
        />
        <Group mt="sm">
          <Anchor href={`/api/open-data/monitoring/indicators.csv?fiscalYear=${fiscalYear}`} data-testid="open-data-csv">
            {t('csv', { fy: fiscalYear })}
          </Anchor>
          <Anchor href={`/api/open-data/monitoring/indicators.json?fiscalYear=${fiscalYear}`} data-testid="open-data-json">
            {t('json', { fy: fiscalYear })}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('suppressed')}
        </Text>
      </Paper>
      {entry.data && (
        <Paper withBorder p="md" component="section" aria-label={t('dictionary')}>
          <Title order={2} size="h4" mb="sm">
            {t('dictionary')}
          </Title>
          <ScrollTable label={t('dictionary')} minWidth={320}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column')}</Table.Th>
                <Table.Th>{t('meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.data.dictionary.map((d) => (
                <Table.Tr key={d.column}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{d.column}</Table.Td>
                  <Table.Td>{lang === 'en' ? d.en : d.th}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Paper>
      )}
    </Stack>
  );
}
