import { Anchor, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../format';
import { useLanguage } from '../../i18n/language';
import { nameOf, useProvinces } from '../../reference';
import { useMe } from '../../session';
import { useDataQuality } from './reports.queries';

const COUNTS = ['withoutSubdistrict', 'withoutTargetGroup', 'overdueFollowUps', 'placementsWithoutWage'] as const;

/**
 * Data quality: per province of the reader's area, how many records lack what the indicators
 * need, so each office can fix its own. Overdue follow-ups link to employment's queue (filtered to
 * the overdue ones) for readers who may open it.
 */
export function DataQualityPage() {
  const { t } = useTranslation('monitoring', { keyPrefix: 'quality' });
  const lang = useLanguage();
  const { number } = useFormat();
  const { data: me } = useMe();
  const provinces = useProvinces();
  const [params, setParams] = useSearchParams();
  const province = params.get('province') ?? undefined;
  const quality = useDataQuality(province);
  const scope = me?.scopeProvinceCodes ?? null;
  const canOpenFollowUps = Boolean(me?.capabilities.includes('employment.read'));
  const options = (provinces.data ?? []).filter((p) => scope === null || scope.includes(p.code)).map((p) => ({ value: p.code, label: nameOf(p, lang) }));
  const nameOfProvince = (code: string, fallback: string) =>
    nameOf(
      provinces.data?.find((p) => p.code === code),
      lang,
    ) || fallback;

  const figure = (key: (typeof COUNTS)[number], value: number) =>
    key === 'overdueFollowUps' && value > 0 && canOpenFollowUps ? (
      <Anchor component={Link} to="/employment/follow-ups?overdue=true">
        {number(value)}
      </Anchor>
    ) : (
      <Text span c={value > 0 ? 'red.8' : undefined} fw={value > 0 ? 600 : undefined}>
        {number(value)}
      </Text>
    );

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack maw={1000}>
        <Select
          label={t('province')}
          placeholder={t('allProvinces')}
          clearable
          searchable
          data={options}
          value={province ?? null}
          onChange={(v) => setParams(v ? { province: v } : {}, { replace: true })}
          maw={360}
        />
        <ProblemAlert error={quality.error} />
        {quality.data && (
          <Paper withBorder p="md" component="section" aria-label={t('table')}>
            {quality.data.provinces.length === 0 ? (
              <Text c="dimmed">{t('none')}</Text>
            ) : (
              <ScrollTable label={t('table')} minWidth={640} data-testid="data-quality">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('provinceColumn')}</Table.Th>
                    <Table.Th ta="right">{t('people')}</Table.Th>
                    {COUNTS.map((key) => (
                      <Table.Th key={key} ta="right">
                        {t(key)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {quality.data.provinces.map((p) => (
                    <Table.Tr key={p.provinceCode}>
                      <Table.Td>{nameOfProvince(p.provinceCode, p.provinceNameTh)}</Table.Td>
                      <Table.Td ta="right">{number(p.people)}</Table.Td>
                      {COUNTS.map((key) => (
                        <Table.Td key={key} ta="right" data-testid={`${key}-${p.provinceCode}`}>
                          {figure(key, p[key])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                {quality.data.provinces.length > 1 && (
                  <Table.Tfoot>
                    <Table.Tr fw={600}>
                      <Table.Td>{t('total')}</Table.Td>
                      <Table.Td ta="right">{number(quality.data.total.people)}</Table.Td>
                      {COUNTS.map((key) => (
                        <Table.Td key={key} ta="right">
                          {number(quality.data!.total[key])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              </ScrollTable>
            )}
          </Paper>
        )}
        <Text size="sm" c="dimmed">
          {t('explain')}
        </Text>
        <Text size="sm">
          <Anchor component={Link} to="/monitoring">
            {t('back')}
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}
