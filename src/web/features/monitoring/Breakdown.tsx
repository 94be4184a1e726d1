import { Paper, Progress, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces, useRegions } from '../../reference';
import { useBreakdown } from './queries';

interface Row {
  code: string;
  name: string;
  actual: number;
}

/** A titled table of rows with a bar each (the chart): a count per region, district or target group. */
function BarTable({ title, column, rows, note, testId }: { title: string; column: string; rows: Row[]; note?: string; testId: string }) {
  const { t } = useTranslation('monitoring', { keyPrefix: 'breakdown' });
  const { number } = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.actual));
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('none')}</Text>
      ) : (
        <ScrollTable label={title} minWidth={300}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column}</Table.Th>
              <Table.Th ta="right">{t('actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td>
                  {r.name}
                  <Progress value={(r.actual / max) * 100} size="sm" mt={4} aria-hidden />
                </Table.Td>
                <Table.Td ta="right">{number(r.actual)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {note && (
        <Text size="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The chosen indicator broken down: by region (the reader's whole area) or by district (a chosen
 * province), and by target group, for the indicators whose owners keep those cells.
 */
export function Breakdown(props: {
  fiscalYear: number;
  province: string | undefined;
  indicator: string;
  indicatorName: string;
  byProvince: readonly { provinceCode: string; actual: number }[];
}) {
  const { t } = useTranslation('monitoring', { keyPrefix: 'breakdown' });
  const lang = useLanguage();
  const provinces = useProvinces();
  const regions = useRegions();
  const breakdown = useBreakdown(props.indicator, props.fiscalYear, props.province);
  const regionOf = new Map((provinces.data ?? []).map((p) => [p.code, p.regionCode]));
  const byRegion = new Map<string, number>();
  for (const p of props.byProvince) {
    const region = regionOf.get(p.provinceCode) ?? '';
    byRegion.set(region, (byRegion.get(region) ?? 0) + p.actual);
  }
  const regionRows = [...byRegion.entries()].map(([code, actual]) => ({
    code,
    name:
      nameOf(
        regions.data?.find((r) => r.code === code),
        lang,
      ) || code,
    actual,
  }));
  const named = (rows: readonly { code: string; nameTh: string; nameEn: string; actual: number }[]) =>
    rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.nameEn : r.nameTh, actual: r.actual }));
  return (
    <>
      <ProblemAlert error={breakdown.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {props.province ? (
          <BarTable
            testId="breakdown-districts"
            title={t('districts', { name: props.indicatorName })}
            column={t('district')}
            rows={named(breakdown.data?.byDistrict ?? [])}
          />
        ) : (
          <BarTable testId="breakdown-regions" title={t('regions', { name: props.indicatorName })} column={t('region')} rows={regionRows} />
        )}
        {breakdown.data?.kept && (
          <BarTable
            testId="breakdown-groups"
            title={t('groups', { name: props.indicatorName })}
            column={t('group')}
            rows={named(breakdown.data.byTargetGroup)}
            note={t('groupsNote')}
          />
        )}
      </SimpleGrid>
    </>
  );
}
